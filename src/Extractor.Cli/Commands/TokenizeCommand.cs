using System.CommandLine;
using Extractor.IO.Output;
using Extractor.IO.Sources;
using Extractor.IO.StandardStreams;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor tokenize</c>: prints tokens with offsets and sentence numbers, to see what the tagger sees.</summary>
/// <remarks>Inputs are read through the sources extract reads (HTML as its visible text, JSONL/CSV rows, folders,
/// stdin), so the offsets are the ones extract reports.</remarks>
internal static class TokenizeCommand
{
    public const string Examples = """
        Examples:
          extractor tokenize samples/000_538bf5e8bea163bf.txt | head
          echo "U.S. Sen. Marco Rubio didn't say." | extractor tokenize
          extractor tokenize page.html                   the visible text, with the offsets extract reports
        """;

    public static Command Create(StdinProvider stdin)
    {
        var paths = new Argument<string[]>("path") { Description = "Files, folders or datasets to tokenize, as extract reads them (none or '-': standard input)", Arity = ArgumentArity.ZeroOrMore };
        var inputFormat = new Option<InputFormat>("--input-format") { Description = "text, html, jsonl or csv (default: by file extension)", DefaultValueFactory = _ => InputFormat.Auto };
        var textField = new Option<string>("--text-field") { Description = "JSONL/CSV field holding the text", DefaultValueFactory = _ => "text" };
        var idField = new Option<string>("--id-field") { Description = "JSONL/CSV field holding the document id", DefaultValueFactory = _ => "id" };
        var command = new Command("tokenize", "Print tokens as 'sentence<TAB>start<TAB>end<TAB>token' (code-point offsets, end exclusive, as extract writes them)")
        {
            paths, inputFormat, textField, idField,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [DocumentSource.StdinPath];
            if (DocumentSource.Problem(given, "tokenize") is { } problem) throw new UserErrorException(problem);
            var options = new SourceOptions
            {
                Format = parse.GetValue(inputFormat),
                TextField = parse.GetRequiredValue(textField),
                IdField = parse.GetRequiredValue(idField),
            };
            int failed = TokenListing.WriteAll(new DocumentSource(options, stdin.Reader()).Read(given), output, parse.InvocationConfiguration.Error);
            return failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }
}
