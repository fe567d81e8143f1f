namespace Extractor.Recognition.Features;

/// <summary>A fixed set of words in one character array, with an open-addressing index from a word to its position.</summary>
/// <remarks>
/// A model's class table holds over 100,000 words. As a <c>Dictionary&lt;string, int&gt;</c> it cost a string and an
/// entry each at every start-up (about 20 ms, the longest part of loading a model); here loading is one UTF-8 decode
/// and one pass of hashing, and a lookup compares characters in place.
/// </remarks>
internal sealed class WordIndex
{
    private readonly Block<char> _chars;
    private readonly Block<int> _start;   // word w is _chars[_start[w].._start[w + 1]]
    private readonly Block<int> _slots;   // word + 1; 0 is an empty slot
    private readonly int _mask;

    /// <summary>Indexes the words laid end to end in <paramref name="chars"/>, word <c>w</c> ending where word <c>w + 1</c> starts.</summary>
    /// <param name="chars">The words' characters.</param>
    /// <param name="start">Where each word starts, plus where the last one ends (so one more entry than words).</param>
    /// <exception cref="ArgumentException">The offsets are not ascending within <paramref name="chars"/>, or a word occurs twice.</exception>
    public WordIndex(char[] chars, int[] start)
    {
        if (start.Length == 0 || start[0] != 0 || start[^1] > chars.Length)
            throw new ArgumentException("word offsets do not fit the characters", nameof(start));
        _chars = chars;
        _start = start;
        int count = start.Length - 1;
        // At most half full, so a miss ends after a probe or two.
        int size = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count) * 2));
        var slots = new int[size];
        _slots = slots;
        _mask = size - 1;
        for (int w = 0; w < count; w++)
        {
            if (start[w + 1] < start[w]) throw new ArgumentException($"word {w} ends before it starts", nameof(start));
            var word = Word(w);
            int slot = Slot(word);
            while (slots[slot] != 0)
            {
                if (word.SequenceEqual(Word(slots[slot] - 1))) throw new ArgumentException($"\"{word}\" occurs twice", nameof(chars));
                slot = (slot + 1) & _mask;
            }
            slots[slot] = w + 1;
        }
    }

    /// <summary>The words of <see cref="WordIndex(char[], int[])"/> with the slots that built, as a model file stores them
    /// (format 5): no hashing at load. Only what keeps a lookup inside the arrays and ending is checked (ascending offsets,
    /// slots naming words, an empty slot); the file's checksum covers the rest.</summary>
    /// <exception cref="ArgumentException">The offsets or slots do not fit.</exception>
    internal WordIndex(Block<char> chars, Block<int> start, Block<int> slots)
    {
        var offsets = start.Span;
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] > chars.Length)
            throw new ArgumentException("word offsets do not fit the characters", nameof(start));
        for (int w = 1; w < offsets.Length; w++)
            if (offsets[w] < offsets[w - 1]) throw new ArgumentException($"word {w - 1} ends before it starts", nameof(start));
        int count = offsets.Length - 1;
        if (SlotChecks.Problem(slots.Span, count) is { } problem) throw new ArgumentException($"word index: {problem}", nameof(slots));
        _chars = chars;
        _start = start;
        _slots = slots;
        _mask = slots.Length - 1;
    }

    /// <summary>The open-addressing slots (word + 1, 0 when empty), for a model file to store.</summary>
    internal ReadOnlySpan<int> Slots => _slots.Span;

    /// <summary>The words' characters end to end, for a model file to store.</summary>
    internal ReadOnlySpan<char> Characters => _chars.Span;

    /// <summary>Where each word starts in <see cref="Characters"/>, plus where the last ends, for a model file to store.</summary>
    internal ReadOnlySpan<int> Starts => _start.Span;

    /// <summary>Indexes <paramref name="words"/>, which must be distinct.</summary>
    public static WordIndex Of(IReadOnlyList<string> words)
    {
        var start = new int[words.Count + 1];
        for (int w = 0; w < words.Count; w++) start[w + 1] = start[w] + words[w].Length;
        var chars = new char[start[^1]];
        for (int w = 0; w < words.Count; w++) words[w].CopyTo(chars.AsSpan(start[w]));
        return new WordIndex(chars, start);
    }

    /// <summary>Number of words.</summary>
    public int Count => _start.Length - 1;

    /// <summary>Word <paramref name="w"/>.</summary>
    public ReadOnlySpan<char> Word(int w)
    {
        var start = _start.Span;
        return _chars.Span.Slice(start[w], start[w + 1] - start[w]);
    }

    /// <summary>The position of <paramref name="word"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> word)
    {
        var slots = _slots.Span;
        for (int slot = Slot(word); ; slot = (slot + 1) & _mask)
        {
            int entry = slots[slot];
            if (entry == 0) return -1;
            if (word.SequenceEqual(Word(entry - 1))) return entry - 1;
        }
    }

    private int Slot(ReadOnlySpan<char> word) => (int)StableHash.Of(word) & _mask;
}
