using CsvHelper;
using Extractor.Cli;
using Extractor.Cli.Commands;
using Extractor.IO.StandardStreams;

namespace Extractor.Tests.Cli;

/// <summary>Runs the real command tree in-process with captured stdout/stderr and a given stdin.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result WithStdin(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, output, error, new StdinProvider(() => new StringReader(stdin), errorIsTerminal: false));
        return new Result(code, output.ToString(), error.ToString());
    }

    public static Result Run(params string[] args) => WithStdin("", args);

    /// <summary>The sample articles, as copied beside the test assembly.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>CSV (or TSV) output as rows of column name to cell, parsed by a real CSV reader.</summary>
    /// <summary>Rows of a table in <paramref name="format"/>: <c>csv</c>, or <c>tsv</c> as the TSV writer escapes it.</summary>
    public static List<Dictionary<string, string>> ParseTable(string table, string format) =>
        format == "tsv" ? ParseTsv(table) : ParseCsv(table);

    /// <summary>Rows of IANA-style TSV: one record per line, a field at every tab, <c>\t \n \r \\</c> unescaped.</summary>
    public static List<Dictionary<string, string>> ParseTsv(string tsv)
    {
        var lines = tsv.TrimStart('\uFEFF').Split('\n');
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var fields = line.Split('\t');
            Assert.Equal(header.Length, fields.Length);
            return header.Zip(fields).ToDictionary(p => p.First, p => Extractor.IO.Output.TsvRecordWriter<Extractor.IO.Records.MentionRecord>.Unescape(p.Second));
        })];
    }

    public static List<Dictionary<string, string>> ParseCsv(string csv, char separator = ',')
    {
        using var reader = CsvReader.Create(new StringReader(csv), CsvReaderOptions.Default with { Separator = separator, HasHeader = true }, leaveOpen: false);
        var header = reader.Headers;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>();
            for (int i = 0; i < header.Count; i++) row[header[i]] = reader.GetString(i) ?? "";
            rows.Add(row);
        }
        return rows;
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "extractor-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name, string content)
    {
        string full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
