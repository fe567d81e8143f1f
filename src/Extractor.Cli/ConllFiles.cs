using Extractor.IO.Sources;
using Extractor.Training;

namespace Extractor.Cli;

/// <summary>Reads a CoNLL file named on the command line, a missing, malformed or non-UTF-8 file being a usage error.</summary>
internal static class ConllFiles
{
    public static List<ConllDocument> Read(FileInfo file)
    {
        string shown = DiagnosticText.Escape(file.ToString());
        if (Directory.Exists(file.FullName)) throw new UserErrorException($"{shown}: is a folder, not a CoNLL file");
        if (!file.Exists) throw new UserErrorException($"{shown}: no such file");
        try { return ConllReader.ReadFile(file.ToString()); }
        catch (ConllFormatException e) { throw new UserErrorException(e.Message); }
        catch (InvalidDataException e) { throw new UserErrorException(e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserErrorException($"{shown}: cannot read ({e.Message})"); }
    }
}
