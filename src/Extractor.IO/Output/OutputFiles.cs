using Extractor.IO.Sources;

namespace Extractor.IO.Output;

/// <summary>
/// Every file a command writes (<c>-o</c>, <c>--predictions</c>, <c>--calibration-plot</c>): checked before any work
/// against every file the command reads, and written whole through a temporary file, so no command can overwrite its
/// own input or leave half a file behind.
/// </summary>
internal static class OutputFiles
{
    /// <summary>The target at <paramref name="path"/>, checked by <see cref="OutputTarget.Check"/> against
    /// <paramref name="inputs"/> (null entries are options not given).</summary>
    /// <exception cref="OutputFileException">Unusable (not <see cref="OutputFileException.AtWrite"/>): a folder, a
    /// missing folder, not writable, a name no file system takes, or one of the inputs.</exception>
    public static OutputTarget Check(string path, IEnumerable<string?> inputs)
    {
        try { return OutputTarget.Check(path, inputs.OfType<string>()); }
        catch (OutputTargetException e) { throw new OutputFileException($"{DiagnosticText.Escape(path)}: cannot write output: {e.Message}", atWrite: false); }
    }

    /// <summary>Writes text to <paramref name="target"/>, replacing it only once all of it is written.</summary>
    /// <exception cref="OutputFileException">The write failed (<see cref="OutputFileException.AtWrite"/>); an earlier file is left as it was.</exception>
    public static void Write(OutputTarget target, Action<TextWriter> write) => Commit(target, file => write(file.Writer));

    /// <summary>Writes bytes (a model) to <paramref name="target"/>, replacing it only once all of them are written.</summary>
    /// <exception cref="OutputFileException">As <see cref="Write(OutputTarget, Action{TextWriter})"/>.</exception>
    public static void Write(OutputTarget target, Action<Stream> write) => Commit(target, file => write(file.Bytes));

    private static void Commit(OutputTarget target, Action<IOutputFile> write)
    {
        try
        {
            using var file = target.Open();
            write(file);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e is IOException io ? DiagnosticText.Reason(io) : "permission denied";
            string kept = target.IsSpecial ? "" : "; it was left as it was";
            throw new OutputFileException($"{DiagnosticText.Escape(target.Given)}: cannot write output ({reason}){kept}", atWrite: true);
        }
    }
}

/// <summary>An output file that cannot be written; the message is one line naming it.</summary>
/// <param name="message">The line to show.</param>
/// <param name="atWrite">False when the target was refused before any work (a usage error), true when writing failed.</param>
internal sealed class OutputFileException(string message, bool atWrite) : Exception(message)
{
    /// <summary>Whether writing failed (a full disk), rather than the target being refused up front.</summary>
    public bool AtWrite { get; } = atWrite;
}
