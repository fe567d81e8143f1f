using Extractor.Recognition.Features;

namespace Extractor.Tests.Recognition;

/// <summary>Property tests: the scans agree with the span helpers they replace on random blocks of every length around
/// the vector width, with the first offending value anywhere (or nowhere).</summary>
public class RangeScanTests
{
    [Fact]
    public void IndexOfOutside_AgreesWithIndexOfAnyExceptInRange()
    {
        var random = new Random(33);
        for (int round = 0; round < 3000; round++)
        {
            int length = random.Next(0, 70);
            int max = random.Next(0, 50);
            var values = new int[length];
            for (int i = 0; i < length; i++) values[i] = random.Next(0, max + 1);
            if (length > 0 && random.Next(3) > 0)
                values[random.Next(length)] = random.Next(4) switch { 0 => -1, 1 => int.MinValue, 2 => max + 1, _ => int.MaxValue };

            Assert.Equal(values.AsSpan().IndexOfAnyExceptInRange(0, max), RangeScan.IndexOfOutside(values, max));
        }
    }

    [Fact]
    public void IndexOfOutside_BelowZero_FindsTheFirstValue()
    {
        // An empty range (no word class paths): every value is outside it, where the span helper wrapped around and
        // accepted them all.
        Assert.Equal(0, RangeScan.IndexOfOutside([0, 1, 2], -1));
        Assert.Equal(-1, RangeScan.IndexOfOutside([], -1));
    }

    [Fact]
    public void IndexOfAtLeast_AgreesWithIndexOfAnyInRange()
    {
        var random = new Random(34);
        for (int round = 0; round < 3000; round++)
        {
            int length = random.Next(0, 40);
            ulong min = (ulong)random.Next(1, 20) << 32;
            var values = new ulong[length];
            for (int i = 0; i < length; i++) values[i] = (ulong)random.NextInt64(0, (long)min);
            if (length > 0 && random.Next(3) > 0)
                values[random.Next(length)] = random.Next(3) switch { 0 => min, 1 => ulong.MaxValue, _ => min + (ulong)random.Next() };

            Assert.Equal(values.AsSpan().IndexOfAnyInRange(min, ulong.MaxValue), RangeScan.IndexOfAtLeast(values, min));
        }
    }
}
