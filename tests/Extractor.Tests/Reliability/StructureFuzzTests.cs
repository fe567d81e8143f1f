using System.Text;
using System.Text.Json;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue #22: random JSON Lines, CSV and HTML structures built to break their readers (escapes of unpaired
/// surrogates in names and values, deep nesting, stray and unclosed quotes, truncated markup), through the whole
/// command. Nothing crashes: the exit is 0 or 1, every diagnostic is a one-line <c>error:</c> or <c>warning:</c>
/// naming its input, no reader fails with an internal error, and the output parses.
/// </summary>
/// <remarks>Seeded, so a failure reproduces from the test name; a folder of 36 inputs per seed keeps it to seconds.
/// One seed also runs as a real process, where an exception on the reader thread would abort with a stack trace.</remarks>
public class StructureFuzzTests
{
    private static readonly string[] JsonAtoms =
    [
        "\"text\"", "\"id\"", "\"Tony Blair spoke in Berlin.\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"",
        "1", "-0.5e308", "1e999", "true", "null", "\"\"", "\"\\\"\"", "\"a\\nb\"", "\"\\uZZZZ\"", "\"\\", "{", "}", "[", "]", ":", ",",
    ];

    private static readonly string[] CsvAtoms = ["\"", "\"\"", ",", "\n", "\r\n", "\r", "Tony Blair", " ", "id", "text", "=1+1", "\0", "é", "\uFEFF"];

    private static readonly string[] HtmlAtoms =
    [
        "<p>", "</p>", "<div class=\"a>b\">", "</div>", "<b>", "<i>", "<script>", "</script>", "<style>p>b{}</style>", "<!--", "-->",
        "<br/>", "<img src='x'>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<", ">", "<!DOCTYPE html>", "<table><tr><td>", "</td>",
        "Tony Blair spoke in Berlin.", "<a href=\"", "\"", "'", "<![CDATA[", "]]>", "<svg><foreignObject>", "<template>", "</",
    ];

    private static string Build(Random random, string[] atoms, int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            // Runs of one atom make deep nesting and long quote chains, where linear code most often goes wrong.
            string atom = atoms[random.Next(atoms.Length)];
            int repeat = random.Next(20) == 0 ? random.Next(50, 3000) : 1;
            for (int r = 0; r < repeat; r++) text.Append(atom);
        }
        return text.ToString();
    }

    /// <summary>Strings valid as JSON syntax that .NET cannot always turn into a string (unpaired surrogate escapes).</summary>
    private static readonly string[] JsonStrings = ["\"text\"", "\"id\"", "\"\\ud800\"", "\"\\udc00x\"", "\"te\\u0078t\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"Tony Blair spoke.\"", "\"\""];

    private static string JsonLine(Random random) => random.Next(4) switch
    {
        0 => Build(random, JsonAtoms, random.Next(1, 40)),
        1 => JsonValue(random, depth: 0, forceObject: true),
        2 => "{" + Build(random, JsonAtoms, random.Next(1, 12)) + ":" + Build(random, JsonAtoms, 1) + ",\"text\":\"Tony Blair spoke.\"}",
        _ => JsonSerializer.Serialize(new { id = Build(random, CsvAtoms, 3), text = Build(random, HtmlAtoms, 5) }),
    };

    /// <summary>Well-formed JSON whose names and values are hostile strings, nested a few levels.</summary>
    private static string JsonValue(Random random, int depth, bool forceObject = false)
    {
        int kind = forceObject ? 0 : random.Next(depth > 3 ? 2 : 4) + 2;
        return kind switch
        {
            0 or 4 => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 5)).Select(_ => JsonStrings[random.Next(JsonStrings.Length)] + ":" + JsonValue(random, depth + 1))) + "}",
            5 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => JsonValue(random, depth + 1))) + "]",
            2 => JsonStrings[random.Next(JsonStrings.Length)],
            _ => random.Next(3) switch { 0 => "12", 1 => "null", _ => "true" },
        };
    }

    private static TempFolder Inputs(int seed)
    {
        var random = new Random(seed);
        var folder = new TempFolder();
        for (int i = 0; i < 12; i++)
        {
            folder.Write($"f{i:D2}.jsonl", string.Join('\n', Enumerable.Range(0, random.Next(1, 20)).Select(_ => JsonLine(random))));
            folder.Write($"f{i:D2}.csv", (random.Next(2) == 0 ? "id,text\n" : "") + Build(random, CsvAtoms, random.Next(0, 200)));
            folder.Write($"f{i:D2}.html", Build(random, HtmlAtoms, random.Next(0, 300)));
        }
        return folder;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomStructures_InProcess_NamedDiagnosticsParseableOutput(int seed)
    {
        using var folder = Inputs(seed);

        var jsonl = CliRunner.Run("extract", folder.Path, "--include", "*", "-l", "mention", "-f", "jsonl", "-q");
        var csv = CliRunner.Run("extract", folder.Path, "--include", "*", "-l", "entity", "-f", "csv", "-q");

        Assert.InRange(jsonl.ExitCode, 0, 1);
        Assert.Equal(jsonl.Stderr, csv.Stderr);
        Assert.All(jsonl.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
        {
            Assert.Matches($"^(error|warning): {System.Text.RegularExpressions.Regex.Escape(folder.Path)}/f\\d\\d\\.(jsonl|csv|html)(:\\d+)?: ", line);
            Assert.DoesNotContain("internal error", line);
        });
        foreach (var line in jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)) JsonDocument.Parse(line).Dispose();
        CliRunner.ParseCsv(csv.Stdout);
    }

    [Fact]
    public void RandomStructures_AsAProcess_NoStackTraceExitZeroOrOne()
    {
        using var folder = Inputs(seed: 5);

        var (code, stdout, stderr) = ExtractorProcess.Run(["extract", folder.Path, "--include", "*", "-f", "json", "-q", "-j", "2"]);

        Assert.InRange(code, 0, 1);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(stdout).RootElement.ValueKind);
    }
}
