using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

/// <summary>Property test: the sorted edges answer as a set of every start and end would, for spans in text order
/// (the resolver's case) and in any order.</summary>
public class MentionEdgesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Contains_AnswersAsASetOfEveryStartAndEnd(int seed, bool inTextOrder)
    {
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            var spans = new List<ResolvedMention>();
            int at = 0;
            for (int n = random.Next(0, 40); n > 0; n--)
            {
                at += random.Next(0, 4);
                int end = at + random.Next(1, 6);
                spans.Add(new ResolvedMention(new Mention(at, end, 0, 1, 0, EntityLabel.Person, 1f), EntityKind.Person, "x", "x", ""));
                // Touching spans share an offset; nested or overlapping ones (any order) leave the ends unsorted.
                at = inTextOrder ? end : at + random.Next(0, 3);
            }
            if (!inTextOrder) spans = [.. spans.OrderBy(_ => random.Next())];
            var expected = spans.SelectMany(s => new[] { s.Mention.Start, s.Mention.End }).ToHashSet();
            var edges = new MentionEdges(spans);
            for (int offset = -1; offset <= at + 8; offset++)
                Assert.Equal(expected.Contains(offset), edges.Contains(offset));
        }
    }
}
