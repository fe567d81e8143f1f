using Extractor.IO.Output;
using Extractor.IO.Records;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.IO.Batch;

/// <summary>The reduce step of a sharded run: corpus-level tables of runs over disjoint inputs, summed into the
/// table that one run over all of them writes (same rows, same order, same bytes).</summary>
/// <remarks>Documents and mentions are summed, aliases united, rows put in <see cref="CorpusAggregator"/>'s
/// canonical order; so merging is associative and a tree of merges equals one merge.</remarks>
internal static class CorpusMerge
{
    /// <summary>The merged entities of the tables in <paramref name="paths"/>, which must all be of one format, and that format.</summary>
    /// <exception cref="InvalidDataException">A table is bad, of another format than the first, given twice (by path or
    /// by identical content: it would double every count), or gives a name another code than an earlier table did;
    /// the message names file and line.</exception>
    public static (IReadOnlyList<CorpusEntity> Entities, OutputFormat Format) Read(IReadOnlyList<string> paths)
    {
        var corpus = new CorpusAggregator();
        var codes = new Dictionary<(EntityKind, string), (string Code, string Where)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        OutputFormat? first = null;
        foreach (var path in paths)
        {
            var (text, format) = CorpusTableReader.Load(path);
            first ??= format;
            if (format != first)
                throw new InvalidDataException($"{path}: a {Name(format)} table, but {paths[0]} is {Name(first.Value)}; merge tables of one format");
            // Shards of disjoint inputs never repeat a row, so a table seen before (the same file, or a copy) would only double its counts.
            string key = Path.GetFullPath(path);
            if (seen.TryGetValue(key, out var same)) throw new InvalidDataException($"{path}: given twice (as {same}); its counts would be added twice");
            seen[key] = path;
            bool hasRows = false;
            foreach (var (entity, where) in CorpusTableReader.Read(path, text, format))
            {
                hasRows = true;
                string at = $"{path}:{where}";
                if (codes.TryGetValue((entity.Kind, entity.Name), out var earlier) && earlier.Code != entity.Code)
                    throw new InvalidDataException($"{at}: {entity.Name} has code '{entity.Code}', but '{earlier.Code}' at {earlier.Where}; tables of different tool versions cannot be merged");
                codes[(entity.Kind, entity.Name)] = (entity.Code, at);
                corpus.Add(entity);
            }
            if (hasRows && contents.TryGetValue(text, out var copy))
                throw new InvalidDataException($"{path}: the same table as {copy}; shards of disjoint inputs never give identical tables, so it would be counted twice");
            contents[text] = path;
        }
        return (corpus.Entities(), first ?? OutputFormat.Csv);
    }

    /// <summary>Writes <paramref name="entities"/> as <c>extract -l corpus</c> would.</summary>
    public static void Write(IReadOnlyList<CorpusEntity> entities, OutputFormat format, OutputOptions options, TextWriter output)
    {
        var writer = RecordWriters.Create<CorpusRecord>(format, output, options);
        foreach (var record in RecordBuilder.Corpus(entities)) writer.Write(record);
        writer.Complete();
    }

    /// <summary>Writes <paramref name="entities"/> to <paramref name="target"/>, which is replaced only once the whole table is written.</summary>
    /// <exception cref="IOException">The file could not be written; it was left as it was.</exception>
    public static void Write(IReadOnlyList<CorpusEntity> entities, OutputFormat format, OutputOptions options, OutputTarget target)
    {
        using var file = target.Open();
        Write(entities, format, options, file.Writer);
        file.Commit();
    }

    private static string Name(OutputFormat format) => format.ToString().ToUpperInvariant();
}
