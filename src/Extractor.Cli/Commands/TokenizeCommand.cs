using System.CommandLine;
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
            var tokenizer = new Tokenizer();
            var splitter = new SentenceSplitter();
            var files = parse.GetValue(paths) ?? [];
            if (files.Length == 0 || (files.Length == 1 && files[0].Name == "-"))
                Print(stdin.Reader().ReadToEnd(), "-", tokenizer, splitter, output);
            foreach (var file in files.Where(f => f.Name != "-"))
            {
                if (!file.Exists) throw new UserErrorException($"{file}: no such file");
                Print(File.ReadAllText(file.FullName), file.ToString(), tokenizer, splitter, output);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(string text, string name, Tokenizer tokenizer, SentenceSplitter splitter, TextWriter output)
    {
        var tokens = new List<Extractor.Text.Token>();
        var sentences = new List<Extractor.Text.Sentence>();
        tokenizer.Tokenize(text, tokens);
        splitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
        // Code points, the unit extract's start/end use, so the two commands' offsets can be compared directly.
        var codePoints = new Extractor.Text.CodePointIndex(text);
        output.Write($"# {name}\n");
        for (int s = 0; s < sentences.Count; s++)
            for (int i = sentences[s].FirstToken; i < sentences[s].EndToken; i++)
                output.Write($"{s}\t{codePoints.At(tokens[i].Start)}\t{codePoints.At(tokens[i].End)}\t{tokens[i].Of(text)}\n");
    }
}
