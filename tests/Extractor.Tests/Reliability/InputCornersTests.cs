using System.Text.Json;
using Extractor.Tests.Cli;

namespace Extractor.Tests.Reliability;

/// <summary>Corners of extract's input and output that an attacker or an odd export reaches (issue 30, items 9-12 and 14).</summary>
public class InputCornersTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static List<Dictionary<string, string>> Rows(CliRunner.Result r) => CliRunner.ParseCsv(r.Stdout);

    [Fact]
    public void ControlCharactersInsideAName_NeverReachTheNameAndAreEscapedInCsv()
    {
        var r = CliRunner.WithStdin("Talks began. Benjamin Netanyahu met Marco\u007fRubio and Marco \u202eRubio\u202c on Monday.\n", "extract", "-l", "mention", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain('\u007f', r.Stdout);
        Assert.DoesNotContain('\u202e', r.Stdout);
        var rubio = Rows(r).Where(row => row["name"] == "Marco Rubio").ToList();
        Assert.Equal(["Marco\\x7FRubio", "Marco \\u202ERubio"], rubio.Select(row => row["text"]));
    }

    [Fact]
    public void ControlCharacters_InJson_TheTextIsExactAndTheNameClean()
    {
        var r = CliRunner.WithStdin("Benjamin Netanyahu met Marco\u001bRubio on Monday.\n", "extract", "-l", "mention", "-f", "jsonl", "-q");

        var rubio = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("name").GetString() == "Marco Rubio");
        Assert.Equal("Marco\u001bRubio", rubio.GetProperty("text").GetString());
    }

    [Fact]
    public void HtmlCells_AreSeparateNames()
    {
        var r = CliRunner.WithStdin("<table><tr><td>Marco Rubio</td><td>Benjamin Netanyahu</td></tr></table>", "extract", "--input-format", "html", "-l", "mention", "-q");

        Assert.Equal(["Marco Rubio", "Benjamin Netanyahu"], Rows(r).Select(row => row["name"]));
    }

    [Fact]
    public void SymbolsAlone_AreNeverAName_AndLeaveANameTheyTrail()
    {
        var r = CliRunner.WithStdin("&&&& said so. Marco Rubio & & & said it. Shares of Procter & Gamble rose.\n", "extract", "-l", "mention", "-t", "all", "-q");

        var texts = Rows(r).Select(row => row["text"]).ToList();
        Assert.DoesNotContain(texts, t => !t.Any(char.IsLetterOrDigit));
        Assert.DoesNotContain(texts, t => t.EndsWith('&'));
        Assert.Contains("Procter & Gamble", texts);
    }

    [Fact]
    public void BinaryOnStandardInput_IsRefusedAsAFileIs()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        string file = Path.Combine(_tmp.Path, "noise.txt");
        File.WriteAllBytes(file, bytes);
        // What a binary file decodes to: mostly control and replaced characters, with a name-like run inside.
        var stdin = string.Concat(Enumerable.Repeat("A\u0003\uFFFD\u0010", 1000)) + " Marco Rubio spoke.";

        var fromFile = CliRunner.Run("extract", file, "-q");
        var fromStdin = CliRunner.WithStdin(stdin, "extract", "-q");

        Assert.Equal(1, fromFile.ExitCode);
        Assert.Contains("noise.txt: not text", fromFile.Stderr);
        Assert.Equal(1, fromStdin.ExitCode);
        Assert.Equal("error: -: not text\n", fromStdin.Stderr);
        Assert.Empty(Rows(fromStdin));
    }

    [Fact]
    public void ALinkOutOfTheFolder_IsFollowedOnlyWithFollow()
    {
        if (OperatingSystem.IsWindows()) return;
        string outside = _tmp.File("outside/secret.txt", "Angela Merkel spoke in Berlin.\n");
        _tmp.File("news/a.txt", "Marco Rubio spoke in Doha.\n");
        string news = Path.Combine(_tmp.Path, "news");
        Directory.CreateSymbolicLink(Path.Combine(news, "elsewhere"), Path.GetDirectoryName(outside)!);
        File.CreateSymbolicLink(Path.Combine(news, "b.txt"), outside);
        _tmp.File("news/sub/c.txt", "Emmanuel Macron spoke.\n");
        Directory.CreateSymbolicLink(Path.Combine(news, "inside"), Path.Combine(news, "sub"));

        var plain = CliRunner.Run("extract", news, "-q");
        var followed = CliRunner.Run("extract", news, "--follow", "-q");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(["a.txt", "inside/c.txt", "sub/c.txt"], Rows(plain).Select(row => row["document"]).Distinct());
        Assert.Equal(2, plain.Stderr.Split('\n').Count(l => l.StartsWith("warning: ") && l.Contains("symbolic link out of the folder") && l.Contains("use --follow")));
        Assert.Contains("b.txt", Rows(followed).Select(row => row["document"]));
        Assert.Contains("elsewhere/secret.txt", Rows(followed).Select(row => row["document"]));
    }

    [Fact]
    public void TwoFoldersWithTheSameFileName_GiveUniqueIds()
    {
        _tmp.File("a/x.txt", "Marco Rubio spoke.\n");
        _tmp.File("b/x.txt", "Angela Merkel spoke.\n");
        _tmp.File("c/y.txt", "Emmanuel Macron spoke.\n");
        string a = Path.Combine(_tmp.Path, "a"), b = Path.Combine(_tmp.Path, "b"), c = Path.Combine(_tmp.Path, "c");

        var r = CliRunner.Run("extract", a, b, c, "-q");

        Assert.Equal([Path.Join(a, "x.txt"), Path.Join(b, "x.txt"), "y.txt"], Rows(r).Select(row => row["document"]));
    }

    [Fact]
    public void CsvDatasetOddities_AreWarningsWithFileAndRow()
    {
        string data = _tmp.File("rows.csv", "id,text,text\n1,Marco Rubio spoke.,x\n2\n\"a\"b,Angela Merkel spoke.\n");

        var r = CliRunner.Run("extract", data, "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning: " + data + ":1: the \"text\" column appears 2 times; the first is read", r.Stderr);
        Assert.Contains("warning: " + data + ":2: no \"text\" cell (1 fields, the header has 3); skipped", r.Stderr);
        Assert.Contains("warning: " + data + ": malformed CSV at line 4: text after a closing quote", r.Stderr);
        Assert.Equal(2, Rows(r).Count);
    }
}
