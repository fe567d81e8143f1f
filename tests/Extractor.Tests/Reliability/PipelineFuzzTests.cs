using System.Globalization;
using System.Text;
using System.Text.Json;
using Extractor.IO.Sources;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue #7: random bytes and random Unicode through the whole command (read, decode, tokenize, tag, resolve,
/// write CSV and JSONL). The run never crashes, every diagnostic is a named error or warning, the output parses,
/// and every mention's code-point offsets slice its surface back out of the document text.
/// </summary>
/// <remarks>Seeded, so a failure reproduces; the seed is in the test name.</remarks>
public class PipelineFuzzTests
{
    /// <summary>Code-point pools: what news text holds, plus what breaks naive code.</summary>
    private static readonly (int From, int To)[] Pools =
    [
        ('a', 'z'), ('A', 'Z'), ('0', '9'), (' ', '/'), (':', '@'), ('[', '`'), ('{', '~'), // ASCII
        (0x00, 0x1F), (0x7F, 0x9F),             // C0 and C1 controls, NUL included
        (0xC0, 0x17F),                          // accented Latin
        (0x0300, 0x036F),                       // combining marks
        (0x0590, 0x06FF),                       // Hebrew, Arabic (right to left)
        (0x2000, 0x206F),                       // spaces, dashes, quotes, separators, bidi controls
        (0x4E00, 0x4E80),                       // CJK
        (0xD800, 0xDFFF),                       // lone surrogates
        (0xFE00, 0xFEFF),                       // variation selectors, BOM
        (0x1F300, 0x1F64F),                     // emoji (surrogate pairs)
    ];

    private static readonly string[] Fragments =
    [
        "Angela Merkel", "U.S.", "Siemens AG", "Germany", "Mr. ", "http://x.org/a(b)", "a@b.com", "@Reuters", "#tag",
        "can't", "'s", "...", "--", "=HYPERLINK(\"x\")", "\r\n", "\n\n", "\r", "\"", ",", "\t", "\u2028", "\uFEFF",
    ];

    private static string RandomUnicode(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            if (random.Next(4) == 0)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
                continue;
            }
            var (from, to) = Pools[random.Next(Pools.Length)];
            int codePoint = random.Next(from, to + 1);
            text.Append(codePoint <= 0xFFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));
        }
        return text.ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        switch (random.Next(4))
        {
            case 0: return bytes; // almost surely binary: NUL bytes
            case 1: return [0xFF, 0xFE, .. bytes]; // UTF-16 LE BOM then noise
            default:
                // Mostly text with a sprinkle of invalid bytes, so it is decoded (with a warning) and tagged.
                var text = Encoding.UTF8.GetBytes(RandomUnicode(random, length));
                for (int i = 0; i < text.Length / 50; i++) text[random.Next(text.Length)] = (byte)random.Next(0x80, 0x100);
                return text;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomBytesAndUnicode_WholePipeline_NoCrashValidOffsetsParseableOutput(int seed)
    {
        var random = new Random(seed);
        using var folder = new TempFolder();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < 12; i++)
        {
            var name = $"bytes{i:D2}.txt";
            var bytes = RandomBytes(random, random.Next(0, 3000));
            folder.Write(name, bytes);
            var decoded = TextDecoder.Decode(bytes);
            if (!decoded.IsBinary) texts[name] = decoded.Text;
        }
        var rows = new StringBuilder();
        for (int i = 0; i < 12; i++)
        {
            var line = JsonSerializer.Serialize(new { id = $"row{i}", text = RandomUnicode(random, random.Next(0, 2000)) });
            rows.Append(line).Append('\n');
            // The text as written, which is what the command reads: the serializer replaces lone surrogates.
            texts[$"row{i}"] = JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
        }
        rows.Append(Encoding.Latin1.GetString(RandomBytes(random, 200))).Append('\n'); // a garbage line
        rows.Append("{\"id\":\"lone\",\"text\":\"a \\ud800 b\"}\n"); // an escaped unpaired surrogate
        folder.Write("rows.jsonl", rows.ToString());

        string[] args = ["extract", folder.Path, "--include", "*", "-l", "mention", "-t", "all", "-q"];
        var jsonl = CliRunner.Run([.. args, "-f", "jsonl"]);
        var csv = CliRunner.Run([.. args, "-f", "csv"]);

        Assert.InRange(jsonl.ExitCode, 0, 1);
        Assert.Equal(jsonl.Stderr, csv.Stderr);
        Assert.All(jsonl.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
        {
            Assert.Matches("^(error|warning): ", line);
            Assert.DoesNotContain("internal error", line);
        });
        var records = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var csvRows = CliRunner.ParseCsv(csv.Stdout);
        Assert.Equal(records.Count, csvRows.Count);
        foreach (var (record, row) in records.Zip(csvRows))
        {
            var document = record.GetProperty("document").GetString()!;
            var surface = record.GetProperty("text").GetString()!;
            int start = record.GetProperty("start").GetInt32(), end = record.GetProperty("end").GetInt32();
            var codePoints = CodePoints(texts[document]);
            Assert.InRange(start, 0, end - 1);
            Assert.InRange(end, start + 1, codePoints.Length);
            Assert.True(surface == string.Concat(codePoints[start..end]), $"{document} [{start}, {end}): {string.Join(" ", surface.Select(c => ((int)c).ToString("X4")))} vs {string.Join(" ", string.Concat(codePoints[start..end]).Select(c => ((int)c).ToString("X4")))}");
            Assert.Equal(start.ToString(CultureInfo.InvariantCulture), row["start"]);
            // CSV writes controls and bidi overrides escaped (\x1B), JSON exactly; a formula gets a leading apostrophe.
            var escaped = Extractor.IO.Output.ControlCharacters.Escape(surface);
            Assert.Equal(escaped, row["text"].StartsWith('\'') && !escaped.StartsWith('\'') ? row["text"][1..] : row["text"]);
            Assert.DoesNotContain(row["text"], Extractor.IO.Output.ControlCharacters.IsUnsafe);
            Assert.DoesNotContain(record.GetProperty("name").GetString()!, Extractor.IO.Output.ControlCharacters.IsUnsafe);
        }
    }

    /// <summary>The text's code points as strings; a lone surrogate counts as one, as the output offsets do.</summary>
    private static string[] CodePoints(string text)
    {
        var points = new List<string>();
        for (int i = 0; i < text.Length; i++)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            points.Add(text.Substring(i, pair ? 2 : 1));
            if (pair) i++;
        }
        return [.. points];
    }
}
