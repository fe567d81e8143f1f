using Extractor.Tests.Cli;

namespace Extractor.Tests.Reliability;

/// <summary>Every bad option value is a one-line usage error with exit 2, never an exception.</summary>
public class OptionValueTests
{
    [Theory]
    [InlineData("-j", "abc", "--parallel: 'abc' is not a whole number from 1 to 256")]
    [InlineData("-j", "99999999999", "--parallel: '99999999999' is not a whole number from 1 to 256")]
    [InlineData("-j", "536870912", "--parallel: '536870912' is not a whole number from 1 to 256")]
    [InlineData("-j", "0", "--parallel: '0' is not a whole number from 1 to 256")]
    [InlineData("-j", "-3", "--parallel: '-3' is not a whole number from 1 to 256")]
    [InlineData("--min-score", "abc", "--min-score: 'abc' is not a number from 0 to 1")]
    [InlineData("--min-score", "NaN", "--min-score: 'NaN' is not a number from 0 to 1")]
    [InlineData("--min-score", "Infinity", "--min-score: 'Infinity' is not a number from 0 to 1")]
    [InlineData("--min-score", "1.5", "--min-score: '1.5' is not a number from 0 to 1")]
    [InlineData("--max-document-size", "1.5", "--max-document-size: '1.5' is not a whole number from 1 to 1073741824")]
    [InlineData("--max-document-size", "99999999999999999999", "--max-document-size: '99999999999999999999' is not a whole number")]
    [InlineData("--max-document-size", "2G", "--max-document-size: '2G' is not a whole number")]
    [InlineData("--max-document-size", "0", "--max-document-size: '0' is not a whole number")]
    public void Extract_BadValue_ExitTwoOneLine(string option, string value, string message)
    {
        var r = CliRunner.Run("extract", CliRunner.Samples, option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith($"error: {message}", r.Stderr);
        Assert.Equal(2, r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the error and the pointer to --help
    }

    [Theory]
    [InlineData("64K", 64 * 1024)]
    [InlineData("10m", 10 * 1024 * 1024)]
    [InlineData("1G", 1024 * 1024 * 1024)]
    [InlineData("100", 100)]
    public void MaxDocumentSize_AcceptsByteSuffixes(string value, long bytes)
    {
        string big = new('x', (int)Math.Min(bytes + 1, 200));
        var r = CliRunner.WithStdin(big, "extract", "--max-document-size", value, "-q");

        Assert.Equal(bytes < 200 ? 1 : 0, r.ExitCode);
    }

    [Theory]
    [InlineData("train", "--epochs", "x")]
    [InlineData("train", "--folds", "1")]
    [InlineData("clusters", "--clusters", "99999999999")]
    [InlineData("clusters", "--context-words", "0")]
    public void OtherCommands_BadValue_ExitTwo(string command, string option, string value)
    {
        var r = CliRunner.Run(command, option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {option}: '{value}' is not a whole number", r.Stderr);
    }
}
