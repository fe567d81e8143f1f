using System.Diagnostics;
using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class GlobTests
{
    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "a.txt.bak", false)]
    [InlineData("*.txt", "dir/a.txt", false)]
    [InlineData("**/*.txt", "a.txt", true)]
    [InlineData("**/*.txt", "x/y/a.txt", true)]
    [InlineData("news/**", "news/a/b.md", true)]
    [InlineData("news/**", "old/a.md", false)]
    [InlineData("a/**/b.txt", "a/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/y/b.txt", true)]
    [InlineData("a/**/b.txt", "ab.txt", false)]
    [InlineData("?.md", "a.md", true)]
    [InlineData("?.md", "ab.md", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("./docs/*.html", "docs/x.html", true)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("A.txt", "a.txt", false)]
    public void IsMatch_FollowsGlobRules(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));

    [Fact]
    public void IsMatch_PathologicalPattern_StaysLinear()
    {
        var glob = Glob.Parse(string.Concat(Enumerable.Repeat("*a", 30)) + "*b");
        var path = new string('a', 5000);

        var clock = Stopwatch.StartNew();
        Assert.False(glob.IsMatch(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
