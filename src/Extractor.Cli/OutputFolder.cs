namespace Extractor.Cli;

/// <summary>Checks, before a long job starts, that its output file can be created where the user asked.</summary>
/// <remarks>Training and clustering run for minutes to an hour; finding a mistyped folder only when the result is
/// written would throw that work away.</remarks>
internal static class OutputFolder
{
    /// <summary>Throws a one-line <see cref="UserErrorException"/> when the folder that would hold <paramref name="file"/> is missing.</summary>
    public static void Require(FileInfo file)
    {
        if (file.Directory is { Exists: false } folder)
            throw new UserErrorException($"{file}: cannot write there: folder {folder.FullName} does not exist");
    }
}
