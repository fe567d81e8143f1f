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
}
