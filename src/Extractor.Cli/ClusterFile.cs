using Extractor.Recognition;

namespace Extractor.Cli;

/// <summary>Reads a Brown paths file (<c>BITS&lt;TAB&gt;WORD&lt;TAB&gt;COUNT</c>) into a <see cref="WordClassTable"/>.</summary>
internal static class ClusterFile
{
    /// <summary>One table from one or more paths files (several files become layers of one table).</summary>
    public static WordClassTable Load(IReadOnlyList<FileInfo> files) =>
        WordClassTable.FromLayers(files.Select(Read).ToArray());

    private static IReadOnlyDictionary<string, string> Read(FileInfo file)
    {
        if (!file.Exists) throw new UserErrorException($"{file}: no such clusters file");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = 0;
        foreach (var text in File.ReadLines(file.FullName))
        {
            line++;
            var parts = text.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[0].AsSpan().ContainsAnyExcept("01"))
                throw new UserErrorException($"{file}:{line}: expected BITS<TAB>WORD[<TAB>COUNT]");
            entries[parts[1]] = parts[0];
        }
        return entries;
    }
}
