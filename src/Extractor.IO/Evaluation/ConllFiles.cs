using Extractor.IO.Sources;
using Extractor.Training;

namespace Extractor.IO.Evaluation;

/// <summary>Reads a CoNLL file that a user named (training, dev or gold data), every problem one line naming it.</summary>
internal static class ConllFiles
{
    /// <summary>The documents of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A folder, a missing or unreadable file, not UTF-8, or a malformed line
    /// (the message names the file and line).</exception>
    public static List<ConllDocument> Read(string path)
    {
        string shown = DiagnosticText.Escape(path);
        if (Directory.Exists(path)) throw new InvalidDataException($"{shown}: is a folder, not a CoNLL file");
        if (!File.Exists(path)) throw new InvalidDataException($"{shown}: no such file");
        try { return ConllReader.ReadFile(path); }
        catch (ConllFormatException e) { throw new InvalidDataException(e.Message, e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InvalidDataException($"{shown}: cannot read ({e.Message})", e); }
    }
}
