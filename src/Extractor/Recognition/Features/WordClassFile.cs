using Extractor.Text;

namespace Extractor.Recognition.Features;

/// <summary>Reads Brown-style paths files (<c>BITS&lt;TAB&gt;WORD[&lt;TAB&gt;COUNT]</c>, as <c>extractor clusters</c> writes them) into a <see cref="WordClassTable"/>.</summary>
internal static class WordClassFile
{
    /// <summary>One table from one or more paths files; several files become layers of one table.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is not a bit path and a word; the message names file and line.</exception>
    public static WordClassTable Read(IReadOnlyList<string> paths) => WordClassTable.FromLayers(paths.Select(ReadLayer).ToArray());

    private static IReadOnlyDictionary<string, string> ReadLayer(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such clusters file", path);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = 0;
        foreach (var text in StrictText.ReadLines(path, path))
        {
            line++;
            var parts = text.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[0].AsSpan().ContainsAnyExcept("01"))
                throw new InvalidDataException($"{path}:{line}: expected BITS<TAB>WORD[<TAB>COUNT]");
            entries[parts[1]] = parts[0];
        }
        return entries;
    }
}
