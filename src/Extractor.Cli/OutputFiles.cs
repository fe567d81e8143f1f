using Extractor.IO.Output;
using Extractor.IO.Sources;

namespace Extractor.Cli;

/// <summary>
/// Every file a command writes (<c>-o</c>, <c>--predictions</c>, <c>--calibration-plot</c>): checked before any work
/// against every file the command reads, and written whole through a temporary file, so no command can overwrite its
/// own input or leave half a file behind.
/// </summary>
internal static class OutputFiles
{
    /// <summary>The target at <paramref name="path"/>, refused (exit 2) when it is a folder, in a missing folder, not
    /// writable, a name no file system takes, or one of <paramref name="inputs"/> (null entries are options not given).</summary>
    public static OutputTarget Check(string path, IEnumerable<string?> inputs)
    {
        try { return OutputTarget.Check(path, inputs.OfType<string>()); }
        catch (OutputTargetException e) { throw new UserErrorException($"{DiagnosticText.Escape(path)}: cannot write output: {e.Message}"); }
    }

    /// <summary>Writes text to <paramref name="target"/>, replacing it only once all of it is written.</summary>
    public static void Write(OutputTarget target, Action<TextWriter> write) => Commit(target, file => write(file.Writer));

    /// <summary>Writes bytes (a model) to <paramref name="target"/>, replacing it only once all of them are written.</summary>
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
            throw new UserErrorException($"{DiagnosticText.Escape(target.Given)}: cannot write output ({reason}){kept}", ExitCodes.OutputFailed);
        }
    }
}
