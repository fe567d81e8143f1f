using System.Text;
using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class DocumentSourceTests
{
    private static readonly string Fixtures = Path.Join(AppContext.BaseDirectory, "Fixtures", "io");

    private static List<SourceItem> Read(SourceOptions options, params string[] paths) =>
        [.. new DocumentSource(options, new StringReader("from stdin")).Read(paths)];

    private static List<SourceItem> Read(params string[] paths) => Read(SourceOptions.Default, paths);

    private static List<string> Ids(IEnumerable<SourceItem> items) => [.. items.OfType<SourceDocument>().Select(d => d.Id)];

    [Fact]
    public void Read_Folder_RecursesInOrdinalOrderOfRelativePath()
    {
        using var folder = new TempFolder();
        foreach (var file in new[] { "b.txt", "a/z.md", "a-b/x.txt", "A.html", "a/y/deep.htm" })
        {
            folder.Write(file, file);
        }

        var items = Read(folder.Path);

        Assert.Equal(["A.html", "a-b/x.txt", "a/y/deep.htm", "a/z.md", "b.txt"], Ids(items));
        Assert.Equal("a/z.md", items.OfType<SourceDocument>().Single(d => d.Id == "a/z.md").Text);
    }

    [Fact]
    public void Read_Folder_DefaultsSkipDatasetsAndOtherExtensions()
    {
        using var folder = new TempFolder();
        folder.Write("doc.txt", "x");
        folder.Write("rows.jsonl", "{\"text\":\"row\"}");
        folder.Write("rows.ndjson", "{\"text\":\"row\"}");
        folder.Write("rows.csv", "text\nrow");
        folder.Write("notes.log", "x");

        Assert.Equal(["doc.txt"], Ids(Read(folder.Path)));
    }

    [Fact]
    public void Read_Folder_IncludeReplacesDefaultsAndReadsDatasets()
    {
        using var folder = new TempFolder();
        folder.Write("doc.txt", "x");
        folder.Write("sub/rows.jsonl", "{\"id\":\"r\",\"text\":\"row\"}\n{\"text\":\"two\"}");

        var items = Read(new SourceOptions { Include = ["*.jsonl"] }, folder.Path);

        Assert.Equal(["r", "sub/rows.jsonl:2"], Ids(items));
    }

    [Fact]
    public void Read_Folder_ExcludeDropsFilesAndFolders()
    {
        using var folder = new TempFolder();
        folder.Write("keep.txt", "x");
        folder.Write("skip.txt", "x");
        folder.Write("drafts/a.txt", "x");
        folder.Write("news/old/b.txt", "x");
        folder.Write("news/c.txt", "x");

        var items = Read(new SourceOptions { Exclude = ["skip.txt", "drafts", "news/old/**"] }, folder.Path);

        Assert.Equal(["keep.txt", "news/c.txt"], Ids(items));
    }

    [Fact]
    public void Read_FolderWithoutMatches_WarnsNoMatchingFiles()
    {
        using var folder = new TempFolder();
        folder.Write("data.bin", "x");

        Assert.Equal([new SourceWarning(folder.Path, "no matching files")], Read(folder.Path));
    }

    [Fact]
    public void Read_FileArgument_UsesPathAsGivenAndFormatByExtension()
    {
        var html = Path.Join(Fixtures, "article.html");

        var document = Assert.IsType<SourceDocument>(Assert.Single(Read(html)));

        Assert.Equal(html, document.Id);
        Assert.StartsWith("Summit in Berlin\n\n", document.Text);
    }

    [Fact]
    public void Read_ForcedTextFormat_KeepsHtmlMarkup()
    {
        var document = Assert.IsType<SourceDocument>(Assert.Single(Read(new SourceOptions { Format = InputFormat.Text }, Path.Join(Fixtures, "article.html"))));

        Assert.StartsWith("<!DOCTYPE html>", document.Text);
    }

    [Fact]
    public void Read_NoPathsOrDash_ReadsStdinAsOneDocument()
    {
        Assert.Equal([new SourceDocument("-", "from stdin")], Read());
        Assert.Equal([new SourceDocument("-", "from stdin")], Read("-"));
    }

    [Fact]
    public void Read_StdinWithForcedJsonl_YieldsRows()
    {
        var source = new DocumentSource(new SourceOptions { Format = InputFormat.Jsonl }, new StringReader("{\"text\":\"a\"}\nnope\n"));

        Assert.Equal(["doc -:1", "-:2"], source.Read([]).Select(i => i is SourceDocument d ? "doc " + d.Id : ((SourceFailure)i).Where));
    }

    [Fact]
    public void Read_StdinLargerThanLimit_Fails() =>
        Assert.Equal([new SourceFailure("-", "larger than --max-document-size (4 bytes)")], Read(new SourceOptions { MaxDocumentSize = 4 }));

    [Fact]
    public void Read_Utf16AndBomFiles_AreDecoded()
    {
        using var folder = new TempFolder();
        folder.Write("le.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Zoë")]);
        folder.Write("be.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Zoë")]);
        folder.Write("bom.txt", [0xEF, 0xBB, 0xBF, .. "Zoë"u8]);

        Assert.All(Read(folder.Path), item => Assert.Equal("Zoë", Assert.IsType<SourceDocument>(item).Text));
    }

    [Fact]
    public void Read_InvalidUtf8_WarnsOnceWithOffsetAndStillYieldsDocument()
    {
        using var folder = new TempFolder();
        var file = folder.Write("latin.txt", [.. "Le caf"u8, 0xE9, .. " est bon, tr"u8, 0xE8, .. "s bon."u8]);

        var items = Read(file);

        Assert.Equal(
            [
                new SourceWarning(file, "invalid UTF-8 at byte 6; decoded with U+FFFD replacement characters"),
                new SourceDocument(file, "Le caf\uFFFD est bon, tr\uFFFDs bon."),
            ],
            items);
    }

    [Fact]
    public void Read_BinaryFile_IsSkippedAsNotText()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", [.. "PNG"u8, 0, 1, 2]);
        folder.Write("b.txt", "fine");

        var items = Read(folder.Path);

        Assert.Equal([new SourceFailure(Path.Join(folder.Path, "a.txt"), "not text"), new SourceDocument("b.txt", "fine")], items);
    }

    [Fact]
    public void Read_FileLargerThanLimit_IsSkippedNamed()
    {
        using var folder = new TempFolder();
        var big = folder.Write("big.txt", new string('x', 2048));

        var items = Read(new SourceOptions { MaxDocumentSize = 1024 }, big);

        Assert.Equal([new SourceFailure(big, "larger than --max-document-size (1 KB)")], items);
        Assert.Equal("larger than --max-document-size (50 MB)", InputFiles.TooLarge(SourceOptions.DefaultMaxDocumentSize));
    }

    [Fact]
    public void Read_MissingPath_FailsAndOthersContinue()
    {
        var items = Read("/nonexistent/x.txt", Path.Join(Fixtures, "article.html"));

        Assert.Equal(new SourceFailure("/nonexistent/x.txt", "not found"), items[0]);
        Assert.IsType<SourceDocument>(items[1]);
    }

    [Fact]
    public void FindMissing_ReturnsOnlyPathsThatDoNotExist() =>
        Assert.Equal(["/nonexistent/x.txt"], DocumentSource.FindMissing(["-", Fixtures, Path.Join(Fixtures, "rows.csv"), "/nonexistent/x.txt"]));

    [Fact]
    public void Problem_NamesAnUnknownOptionBeforeAMissingFile()
    {
        Assert.Null(DocumentSource.Problem(["-", Fixtures], "extract"));
        Assert.Equal("/nonexistent/x.txt: no such file or folder", DocumentSource.Problem([Fixtures, "/nonexistent/x.txt"], "extract"));
        Assert.Equal("unknown option '-q' (see 'extractor merge --help')", DocumentSource.Problem(["/nonexistent/x.txt", "-q"], "merge"));
    }

    [Fact]
    public void Read_Csv_YieldsRowsWithIdsOrRowNumbers()
    {
        var csv = Path.Join(Fixtures, "rows.csv");

        Assert.Equal(
            [
                new SourceDocument("r1", "Angela Merkel, chancellor"),
                new SourceDocument($"{csv}:2", "Line one\nline two"),
                new SourceDocument("r3", "Third"),
            ],
            Read(csv));
    }

    [Fact]
    public void Read_CsvWithoutTextColumn_FailsNamingColumnsAndOthersContinue()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("bad.csv", "id,body,source\n1,hello,wire\n");
        var good = folder.Write("good.txt", "ok");

        var items = Read(csv, good);

        Assert.Equal(
            [new SourceFailure(csv, "no \"text\" column (columns found: id, body, source)"), new SourceDocument(good, "ok")],
            items);
    }

    [Fact]
    public void Read_CsvCustomFields_UsesThem()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("x.csv", "key,body\nk1,hello\n");

        Assert.Equal([new SourceDocument("k1", "hello")], Read(new SourceOptions { TextField = "body", IdField = "key" }, csv));
    }

    [Fact]
    public void Read_EmptyCsv_FailsWithoutHeader()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("empty.csv", "");

        Assert.Equal([new SourceFailure(csv, "no header row")], Read(csv));
    }

    [Fact]
    public void Read_SymlinkLoopInFolder_IsReportedOnceAndWalkEnds()
    {
        using var folder = new TempFolder();
        folder.Write("a/doc.txt", "x");
        Directory.CreateSymbolicLink(Path.Join(folder.Path, "a", "up"), folder.Path);
        Directory.CreateSymbolicLink(Path.Join(folder.Path, "self"), Path.Join(folder.Path, "."));

        var items = Read(folder.Path);

        Assert.Equal(["a/doc.txt"], Ids(items));
        Assert.Equal(
            [Path.Join(folder.Path, "a", "up"), Path.Join(folder.Path, "self")],
            items.OfType<SourceFailure>().Select(f => f.Where));
        Assert.All(items.OfType<SourceFailure>(), f => Assert.Equal("symbolic link loop, not followed", f.Reason));
    }

    [Fact]
    public void Read_SymlinkToSiblingFolder_IsFollowed()
    {
        using var folder = new TempFolder();
        folder.Write("real/doc.txt", "x");
        Directory.CreateSymbolicLink(Path.Join(folder.Path, "alias"), Path.Join(folder.Path, "real"));

        Assert.Equal(["alias/doc.txt", "real/doc.txt"], Ids(Read(folder.Path)));
    }

    [Fact]
    public void Read_UnreadableFile_FailsWithPermissionDenied()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var folder = new TempFolder();
        var file = folder.Write("secret.txt", "x");
        File.SetUnixFileMode(file, UnixFileMode.None);
        if (CanRead(file))
        {
            // Running as root (as CI containers do): mode 000 is not enforced, so there is nothing to observe.
            return;
        }

        Assert.Equal([new SourceFailure(file, "permission denied")], Read(file));
    }

    private static bool CanRead(string file)
    {
        try
        {
            File.ReadAllBytes(file);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public void Read_IsLazy_ReadsNothingUntilEnumerated()
    {
        var stdin = new StringReader("text");

        var items = new DocumentSource(SourceOptions.Default, stdin).Read([]);

        Assert.Equal("text", stdin.ReadToEnd());
        Assert.Equal([new SourceDocument("-", "")], items);
    }

    [Fact]
    public void Measure_FilesAndFolders_OnePerFileReadWouldGive()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Angela Merkel");
        folder.Write("sub/b.md", "Emmanuel Macron");
        folder.Write("skipped.log", "not read by default");
        var single = folder.Write("single.html", "<p>Siemens</p>");
        string[] paths = [folder.Path, single, Path.Join(folder.Path, "a.txt")];

        var source = new DocumentSource(SourceOptions.Default, new StringReader(""));

        // The folder's html file is counted once through the folder and once by name, as Read gives it twice.
        Assert.Equal(Read(paths).Count(item => item is not SourceWarning), source.Measure(paths).Inputs);
        Assert.Equal(5, source.Measure(paths).Inputs);
    }

    [Fact]
    public void Measure_StdinOrDatasets_InputsUnknown()
    {
        using var folder = new TempFolder();
        var text = folder.Write("a.txt", "x");
        var rows = folder.Write("rows.jsonl", "{\"text\":\"row\"}");
        var source = new DocumentSource(SourceOptions.Default, new StringReader(""));

        Assert.Null(source.Measure([]).Inputs);
        Assert.Null(source.Measure([text, "-"]).Inputs);
        Assert.Null(source.Measure([text, rows]).Inputs);
        // A folder read with --include *.jsonl is rows too.
        Assert.Null(new DocumentSource(new SourceOptions { Include = ["*.jsonl"] }, new StringReader("")).Measure([folder.Path]).Inputs);
        Assert.Equal(1, source.Measure([folder.Path]).Inputs);
    }
}
