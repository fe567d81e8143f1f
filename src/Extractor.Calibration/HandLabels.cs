using System.IO.Compression;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Text;
using Extractor.Training;

namespace Extractor.Calibration;

/// <summary>
/// The shifted-domain check: lines of the BBC 2004–2005 text with hand labels kept as offsets only
/// (<c>models/calibration/bbc-2004-labels.tsv</c>), tagged as <c>extractor extract</c> tags a document.
/// </summary>
internal static class HandLabels
{
    /// <summary>The labelled lines of <paramref name="corpus"/> (see <see cref="IsLabelled"/>) as scored documents, with
    /// the gold spans of <paramref name="labels"/> mapped to tokens; a label off token edges is an error.</summary>
    public static List<ConllDocument> Read(string labels, string corpus)
    {
        var gold = File.ReadLines(labels).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(c => (Line: int.Parse(c[0]), Start: int.Parse(c[1]), End: int.Parse(c[2]), Label: Label(c[3], labels)))
            .ToLookup(g => g.Line);
        var documents = new List<ConllDocument>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress));
        int number = 0;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            if (!IsLabelled(++number)) continue;
            var segmented = EntityPipeline.Segment(text);
            var tokens = segmented.Tokens.ToList();
            var spans = gold[number].Select(g =>
            {
                int first = tokens.FindIndex(t => t.Start == g.Start), last = tokens.FindIndex(t => t.End == g.End);
                if (first < 0 || last < first) throw new InvalidDataException($"{labels}: line {number} label {g.Start}-{g.End} is not on token edges");
                return new LabeledSpan(first, last + 1, g.Label);
            }).ToArray();
            documents.Add(new ConllDocument(text, segmented.Tokens, segmented.Sentences, spans, false));
        }
        return documents;
    }

    /// <summary>The lines the labels cover, whether or not they hold a name: every 200th from the 100th, and every
    /// 400th from the 200th (the second batch), 1-based.</summary>
    private static bool IsLabelled(int line) => line % 200 == 100 || line % 400 == 200;

    private static EntityLabel Label(string name, string file) =>
        EntityLabels.TryParseConll(name, out var label) ? label : throw new InvalidDataException($"{file}: unknown type {name}");
}
