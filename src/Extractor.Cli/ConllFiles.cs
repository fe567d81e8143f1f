using Extractor.Training;

namespace Extractor.Cli;

/// <summary>Reads a CoNLL file named on the command line, a missing or malformed file being a usage error.</summary>
internal static class ConllFiles
{
    public static List<ConllDocument> Read(FileInfo file)
    {
        if (!file.Exists) throw new UserErrorException($"{file}: no such file");
        try { return ConllReader.ReadFile(file.FullName); }
        catch (ConllFormatException e) { throw new UserErrorException(e.Message); }
    }
}
