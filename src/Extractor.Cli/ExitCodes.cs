namespace Extractor.Cli;

/// <summary>The process exit codes, in one place; README's "Errors and exit codes" documents the same table.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was processed.</summary>
    public const int Success = 0;
    /// <summary>Some inputs failed (each named on stderr), or an evaluation fell below <c>--min-f1</c>.</summary>
    public const int PartialFailure = 1;
    /// <summary>Bad usage: unknown option, missing path, bad value, unusable model file.</summary>
    public const int Usage = 2;
    /// <summary>Output could not be written (a full disk, an I/O error, closed standard output): records were lost.</summary>
    public const int OutputFailed = 3;
    /// <summary>Interrupted (Ctrl-C), by the shell convention 128 + SIGINT.</summary>
    public const int Interrupted = 130;
}
