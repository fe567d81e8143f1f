using Extractor.Knowledge;

namespace Extractor.Tests.Knowledge;

/// <summary>Cleaning a surface must give the same text whether it takes the shortcut for text that is clean already or
/// the character-by-character path.</summary>
public class SurfaceTextTests
{
    // What the shortcut must tell apart: spaces (single, doubled, at the ends), other whitespace, the characters the
    // cleaning straightens (backtick, curly apostrophes, dashes, no-break space), controls and invisible format characters.
    private const string Alphabet = "aZ9.' -`\u2019\u2018\u2013\u00A0\t\n\u001B\u007F\u200E\u202E\u200D\u00AD\u00E9";

    [Fact]
    public void Clean_AgreesWithTheFullPath_OnRandomSurfaces()
    {
        var random = new Random(20261207);
        for (int n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 9)];
            for (int i = 0; i < chars.Length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
            string surface = new(chars);
            string expected = SurfaceText.Cleaned(surface);
            Assert.Equal(expected, SurfaceText.Clean(surface));
            Assert.Equal(expected, SurfaceText.Clean(surface.AsSpan()));
        }
    }

    [Theory]
    [InlineData("Marco Rubio")]
    [InlineData("U.S.")]
    [InlineData("Qatar's")]
    public void Clean_ReturnsACleanSurfaceItself(string surface) => Assert.Same(surface, SurfaceText.Clean(surface));

    [Theory]
    [InlineData(" Marco Rubio", "Marco Rubio")]
    [InlineData("Marco  Rubio", "Marco Rubio")]
    [InlineData("Qatar`s", "Qatar's")]
    [InlineData("Qatar\u2019s", "Qatar's")]
    [InlineData("Marco\u007FRubio", "Marco Rubio")]
    [InlineData("Marco\u00A0Rubio", "Marco Rubio")]
    public void Clean_StillCleansWhatNeedsIt(string surface, string expected) => Assert.Equal(expected, SurfaceText.Clean(surface));
}
