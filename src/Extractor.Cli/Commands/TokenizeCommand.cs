using System.CommandLine;
using Extractor.IO.Output;
using Extractor.Tokenization;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor tokenize</c>: prints tokens with offsets and sentence numbers, to see what the tagger sees.</summary>
internal static class TokenizeCommand
{
    public const string Examples = """
        Examples:
          extractor tokenize samples/000_538bf5e8bea163bf.txt | head
          echo "U.S. Sen. Marco Rubio didn't say." | extractor tokenize
        """;

    public static Command Create(StdinProvider stdin)
    {
        var paths = new Argument<FileInfo[]>("path") { Description = "Text files to tokenize (none or '-': standard input)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("tokenize", "Print tokens as 'sentence<TAB>start<TAB>end<TAB>token' (code-point offsets, end exclusive, as extract writes them)") { paths };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var listing = new TokenListing(new Tokenizer(), new SentenceSplitter());
            var files = parse.GetValue(paths) ?? [];
            if (files.Length == 0 || (files.Length == 1 && files[0].Name == "-"))
                listing.Write(stdin.Reader().ReadToEnd(), "-", output);
            foreach (var file in files.Where(f => f.Name != "-"))
            {
                if (!file.Exists) throw new UserErrorException($"{file}: no such file");
                listing.Write(File.ReadAllText(file.FullName), file.ToString(), output);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
