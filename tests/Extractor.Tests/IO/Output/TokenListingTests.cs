using Extractor.IO.Output;

namespace Extractor.Tests.IO.Output;

public class TokenListingTests
{
    [Fact]
    public void Write_CountsCodePointsAndNumbersSentences()
    {
        var output = new StringWriter();

        // The emoji is two UTF-16 units and one code point: "Rubio" starts at code point 2.
        TokenListing.Write("🙂 Rubio left. He said no.", "story.txt", output);

        Assert.Equal(
            "# story.txt\n0\t0\t1\t🙂\n0\t2\t7\tRubio\n0\t8\t12\tleft\n0\t12\t13\t.\n1\t14\t16\tHe\n1\t17\t21\tsaid\n1\t22\t24\tno\n1\t24\t25\t.\n",
            output.ToString());
    }
}
