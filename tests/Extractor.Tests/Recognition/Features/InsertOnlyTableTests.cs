using Extractor.Recognition.Features;

namespace Extractor.Tests.Recognition;

/// <summary>The caches' shared table starts with few slots and grows to full size once its rows need them; every key it finds must lead to that key's
/// own row, through growth and from several threads at once.</summary>
public class InsertOnlyTableTests
{
    /// <summary>A key that is never 0 (the empty slot), spread over the bits as the caches' hashes are.</summary>
    private static ulong KeyOf(int i) => ((ulong)i + 1) * 0x9E3779B97F4A7C15UL;

    [Fact]
    public void Rows_StayFindable_WhenTheSlotsGrowToTwiceTheCapacity()
    {
        const int capacity = 10_000;
        var table = new InsertOnlyTable<long>(capacity, 2);
        Assert.Equal(InsertOnlyTable<long>.InitialSlots, table.SlotCount);
        for (int i = 0; i < capacity; i++)
        {
            Assert.Equal(-1, table.Find(KeyOf(i)));
            int row = table.Reserve();
            Assert.Equal(i, row);
            table.Row(row)[0] = i;
            table.Row(row)[1] = -i;
            table.Publish(KeyOf(i), row);
            // A row is handed out only while the slots hold twice as many: probing always ends at an empty slot.
            Assert.True(row < table.SlotCount / 2);
            Assert.Equal(row < InsertOnlyTable<long>.InitialSlots / 2 ? InsertOnlyTable<long>.InitialSlots : 16_384 * 2, table.SlotCount);
        }
        Assert.Equal(16_384 * 2, table.SlotCount);
        Assert.Equal(-1, table.Reserve());
        for (int i = 0; i < capacity; i++)
        {
            int row = table.Find(KeyOf(i));
            Assert.True(row >= 0, $"key {i} lost");
            Assert.Equal(i, table.Row(row)[0]);
            Assert.Equal(-i, table.Row(row)[1]);
        }
        Assert.Equal(-1, table.Find(KeyOf(capacity)));
    }

    [Fact]
    public void SmallTables_NeverGrowPastTwiceTheirCapacity()
    {
        var table = new InsertOnlyTable<int>(3, 1);
        Assert.Equal(16, table.SlotCount);
        for (int i = 0; i < 3; i++) table.Publish(KeyOf(i), table.Reserve());
        Assert.Equal(-1, table.Reserve());
        Assert.Equal(16, table.SlotCount);
    }

    [Fact]
    public void ConcurrentInsertions_NeverLeadAKeyToAnotherKeysRow()
    {
        const int capacity = 1 << 17, words = 40_000;
        var table = new InsertOnlyTable<long>(capacity, 1);
        // Four threads insert the same words in different orders (forward, backward, two at random), as two workers meet the same word types; entries
        // published while the slots are being copied may be lost (the word is stored again), never misfiled.
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var random = new Random(t);
            for (int n = 0; n < words; n++)
            {
                int i = t switch { 0 => n, 1 => words - 1 - n, _ => random.Next(words) };
                ulong key = KeyOf(i);
                if (table.Find(key) != -1) continue;
                int row = table.Reserve();
                if (row < 0) return;
                table.Row(row)[0] = i;
                table.Publish(key, row);
            }
        });
        int found = 0;
        for (int i = 0; i < words; i++)
        {
            int row = table.Find(KeyOf(i));
            Assert.NotEqual(InsertOnlyTable<long>.Pending, row);
            if (row < 0) continue;
            Assert.Equal(i, table.Row(row)[0]);
            found++;
        }
        // Thread 0 inserted every word in order: all but the few lost during a copy are there.
        Assert.True(found > words * 0.99, $"{found} of {words} words findable");
        Assert.True(table.SlotCount <= 2 * capacity);
    }
}
