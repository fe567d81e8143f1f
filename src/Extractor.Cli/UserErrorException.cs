namespace Extractor.Cli;

/// <summary>An expected failure the user can fix; shown as one line without a stack trace.</summary>
internal sealed class UserErrorException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    /// <summary>The exit code to end with.</summary>
    public int ExitCode { get; } = exitCode;

}
