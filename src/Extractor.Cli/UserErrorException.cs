namespace Extractor.Cli;

/// <summary>An expected failure the user can fix; shown as one line without a stack trace.</summary>
internal sealed class UserErrorException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    /// <summary>The exit code to end with.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The value of <paramref name="read"/>, a missing or malformed input file becoming a one-line usage error.</summary>
    public static T Reading<T>(Func<T> read)
    {
        try { return read(); }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException) { throw new UserErrorException(e.Message); }
    }

    /// <summary>Before a long job (training, clustering) starts: the folder that would hold <paramref name="file"/> must
    /// exist, or minutes to an hour of work would be thrown away when the result is written.</summary>
    public static void RequireFolderOf(FileInfo file)
    {
        if (file.Directory is { Exists: false } folder)
            throw new UserErrorException($"{file}: cannot write there: folder {folder.FullName} does not exist");
    }
}
