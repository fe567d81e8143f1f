using System.Text;
using Extractor.Tests.Cli;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue 30: the structure fuzz of issue 22 carried to the inputs of the other commands: corpus tables for
/// <c>merge</c>, lexicons for <c>extract --lexicon</c>, CoNLL files for <c>evaluate</c> and <c>train</c>, built from
/// hostile atoms (bad bytes, NULs, stray quotes and tabs, huge numbers, unknown tags and types). Whatever the input,
/// the command ends with a documented exit code, one-line diagnostics, no stack trace, and writes no half file.
/// </summary>
public class CommandInputFuzzTests
{
    private static readonly byte[][] TableAtoms =
    [
        "type,name,code,documents,mentions,aliases,roles\n"u8.ToArray(), "PERSON"u8.ToArray(), "COUNTRY"u8.ToArray(), "ORGANIZATION"u8.ToArray(),
        "Marco Rubio"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "\n"u8.ToArray(), "QA"u8.ToArray(), "ZZ"u8.ToArray(), "1"u8.ToArray(),
        "2147483647"u8.ToArray(), "99999999999999999999"u8.ToArray(), "-1"u8.ToArray(), "a|b"u8.ToArray(), "'=1+1"u8.ToArray(),
        [0xE9], [0x00], [0xEF, 0xBB, 0xBF], "{\"type\":"u8.ToArray(), "[\n"u8.ToArray(), "\t"u8.ToArray(), "\r\n"u8.ToArray(),
    ];

    private static readonly byte[][] LexiconAtoms =
    [
        "IRGC"u8.ToArray(), "\t"u8.ToArray(), "ORGANIZATION"u8.ToArray(), "COUNTRY"u8.ToArray(), "GROUP"u8.ToArray(), "QA"u8.ToArray(),
        "\n"u8.ToArray(), "#"u8.ToArray(), " "u8.ToArray(), "Marco Rubio"u8.ToArray(), "PER"u8.ToArray(), [0xE9], [0x00], [0xFF, 0xFE],
        "\u202E"u8.ToArray(), "\r"u8.ToArray(), "Xanadu"u8.ToArray(),
    ];

    private static readonly byte[][] ConllAtoms =
    [
        "-DOCSTART- -X- O O\n"u8.ToArray(), "Marco NNP B-NP B-PER\n"u8.ToArray(), "Rubio NNP I-NP I-PER\n"u8.ToArray(), "said VBD O O\n"u8.ToArray(),
        "Qatar NNP B-NP B-LOC\n"u8.ToArray(), "\n"u8.ToArray(), "x B-PLACE\n"u8.ToArray(), "lonely\n"u8.ToArray(), "a b c I-ORG\n"u8.ToArray(),
        "E-MISC"u8.ToArray(), [0xE9], [0x00], "\t"u8.ToArray(), " "u8.ToArray(), "\r\n"u8.ToArray(),
    ];

    private static byte[] Build(Random random, byte[][] atoms, int count)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < count; i++)
        {
            var atom = atoms[random.Next(atoms.Length)];
            int repeat = random.Next(25) == 0 ? random.Next(20, 500) : 1;
            for (int r = 0; r < repeat; r++) bytes.AddRange(atom);
        }
        return [.. bytes];
    }

    private static void AssertClean(CliRunner.Result r, params int[] codes)
    {
        Assert.Contains(r.ExitCode, codes);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.All(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches("^(error|warning|Run|extracted|interrupted)", line));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Merge_HostileTables(int seed)
    {
        var random = new Random(seed);
        using var tmp = new TempFolder();
        for (int round = 0; round < 12; round++)
        {
            var tables = Enumerable.Range(0, random.Next(1, 4)).Select(i =>
            {
                string path = Path.Combine(tmp.Path, $"t{round}-{i}.{(random.Next(3) == 0 ? "jsonl" : "csv")}");
                File.WriteAllBytes(path, [.. "type,name,code,documents,mentions,aliases,roles\n"u8, .. Build(random, TableAtoms, random.Next(0, 60))]);
                return path;
            }).ToArray();
            string output = Path.Combine(tmp.Path, $"merged{round}.csv");

            var r = CliRunner.Run(["merge", .. tables, "-o", output]);

            AssertClean(r, 0, 1);
            if (r.ExitCode != 0) Assert.False(File.Exists(output), $"a failed merge left {output}");
            else Assert.StartsWith("type,name,code,documents,mentions,aliases,roles\n", File.ReadAllText(output));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Extract_HostileLexicons(int seed)
    {
        var random = new Random(seed);
        using var tmp = new TempFolder();
        string article = tmp.File("in.txt", "Marco Rubio met the IRGC in Doha, Qatar, and Xanadu.\n");
        for (int round = 0; round < 12; round++)
        {
            string lexicon = Path.Combine(tmp.Path, $"l{round}.tsv");
            File.WriteAllBytes(lexicon, Build(random, LexiconAtoms, random.Next(0, 50)));
            string output = Path.Combine(tmp.Path, $"out{round}.csv");

            var r = CliRunner.Run("extract", article, "--lexicon", lexicon, "-o", output, "-q");

            AssertClean(r, 0, 2);
            Assert.Equal(r.ExitCode == 0, File.Exists(output));
            if (r.ExitCode == 2) Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EvaluateAndTrain_HostileConll(int seed)
    {
        var random = new Random(seed);
        using var tmp = new TempFolder();
        var (_, dev) = TrainEvaluateCommandTests.WriteCorpus(tmp);
        for (int round = 0; round < 8; round++)
        {
            string gold = Path.Combine(tmp.Path, $"g{round}.conll");
            File.WriteAllBytes(gold, Build(random, ConllAtoms, random.Next(0, 80)));
            string predictions = Path.Combine(tmp.Path, $"p{round}.txt");

            var evaluate = CliRunner.Run("evaluate", "--gold", gold, "--predictions", predictions);
            AssertClean(evaluate, 0, 2);
            Assert.Equal(evaluate.ExitCode == 0, File.Exists(predictions));

            string model = Path.Combine(tmp.Path, $"m{round}.model");
            var train = CliRunner.Run("train", "--train", gold, "--dev", dev, "-o", model, "--epochs", "1", "--folds", "2");
            AssertClean(train, 0, 2);
            Assert.Equal(train.ExitCode == 0, File.Exists(model));
        }
    }
}
