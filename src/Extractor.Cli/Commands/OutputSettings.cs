using System.CommandLine;
using Extractor.IO.Output;

namespace Extractor.Cli.Commands;

/// <summary>The output options that <c>extract</c> and <c>merge</c> share: format, formula escaping, BOM, CSV separator.</summary>
internal sealed class OutputSettings
{
    private readonly Option<OutputFormat?> _format;
    private readonly Option<bool> _noEscape = new("--no-escape-formulas") { Description = "Write cells starting with = + - @ as they are (for pipelines; by default CSV/TSV prefix them with ' so spreadsheets show rather than run them)" };
    private readonly Option<bool> _bom = new("--bom") { Description = "Start CSV/TSV with a UTF-8 byte order mark, so Excel reads non-ASCII names right when it opens the file" };
    private readonly Option<string> _delimiter = new("--delimiter") { Description = "CSV field separator: , (default) or ; (spreadsheets in locales whose decimal mark is a comma), | : or \\t" };

    public OutputSettings(string formatDefault) =>
        _format = new Option<OutputFormat?>("--format", "-f") { Description = $"csv, tsv, json, jsonl or xlsx (default: {formatDefault})" };

    /// <summary>The options, in the order <c>--help</c> lists them.</summary>
    public IEnumerable<Option> All => [_format, _noEscape, _bom, _delimiter];

    /// <summary>The format asked for, else <paramref name="fallback"/>, and the writer settings, checked together.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="outFile">The <c>-o</c> file, or null for standard output.</param>
    /// <param name="fallback">The format when neither <c>-f</c> nor <c>-o</c>'s extension says.</param>
    /// <param name="runInfo">What xlsx writes on its "run" sheet.</param>
    /// <exception cref="UserErrorException">An option that does not go with the format (exit 2, before any input is read).</exception>
    public (OutputFormat Format, OutputOptions Options) Read(ParseResult parse, string? outFile, OutputFormat fallback, IReadOnlyList<KeyValuePair<string, string>> runInfo)
    {
        var format = parse.GetValue(_format) ?? (outFile is null ? fallback : OutputFormats.FromPath(outFile));
        var options = new OutputOptions
        {
            EscapeFormulas = !parse.GetValue(_noEscape),
            ByteOrderMark = parse.GetValue(_bom),
            Delimiter = Delimiter(parse.GetValue(_delimiter)),
            RunInfo = runInfo,
        };
        if (OutputChoices.Problem(format, options, toTerminal: outFile is null && !Console.IsOutputRedirected) is { } problem)
            throw new UserErrorException(problem);
        return (format, options);
    }

    /// <summary>The one character given (<c>\t</c> and <c>tab</c> spell a tab); a longer text is refused here, a character
    /// that is no separator by <see cref="OutputChoices.Problem"/>.</summary>
    private static char Delimiter(string? given) => given switch
    {
        null => ',',
        "\\t" or "tab" => '\t',
        { Length: 1 } one => one[0],
        _ => throw new UserErrorException($"--delimiter '{IO.Sources.DiagnosticText.Escape(given)}' is not a separator; use one of , ; | : or \\t"),
    };

    /// <summary>The run sheet's facts: the command line as given and the tool's version.</summary>
    public static List<KeyValuePair<string, string>> RunInfo(ParseResult parse) =>
    [
        new("tool", $"extractor {VersionAction.ToolVersion}"),
        new("command", "extractor " + string.Join(' ', parse.Tokens.Select(t => Quoted(t.Value)))),
    ];

    private static string Quoted(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:,@%+".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
