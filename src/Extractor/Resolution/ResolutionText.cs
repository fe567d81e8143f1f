using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>
/// The document text as resolution reads it: each mention's surface, in text order; the word before a name; and the
/// role rules around each person. A string is read in place; a <see cref="CompactText"/> a window at a time, so a
/// large document's text is never held as a string.
/// </summary>
/// <remarks>One per <see cref="EntityResolver.Resolve(string, IReadOnlyList{Mention})"/> call, used by one thread.</remarks>
internal abstract class ResolutionText
{
    /// <summary>The surface of <paramref name="mention"/>; mentions are asked for in text order, and a span is valid
    /// until the next call.</summary>
    public abstract ReadOnlySpan<char> Surface(Mention mention);

    /// <summary>The word just before <paramref name="start"/>, across spaces (<c>Mr.</c>), or empty.</summary>
    public abstract ReadOnlySpan<char> WordBefore(int start);

    /// <summary>The person roles of <paramref name="resolved"/> (<see cref="PersonRoles.Find(string, IReadOnlyList{ResolvedMention})"/>).</summary>
    public abstract List<(int Index, string Role, string Affiliation)> Roles(IReadOnlyList<ResolvedMention> resolved);

    public static ResolutionText Of(string text) => new Whole(text);

    /// <summary>A compact text, its role rules run per <paramref name="blockChars"/> of mentions with
    /// <paramref name="margin"/> characters either side (tests make both small).</summary>
    public static ResolutionText Of(CompactText text, int blockChars = 1 << 20, int margin = 1 << 16) => new Windowed(text, blockChars, margin);

    /// <summary>The scan <see cref="WordBefore(int)"/> makes, on <paramref name="text"/> from <paramref name="start"/> back;
    /// <paramref name="reachedStart"/> when it ran into the text's start, where a window of a longer text may have cut it.</summary>
    private static (int Begin, int End) WordBefore(ReadOnlySpan<char> text, int start, out bool reachedStart)
    {
        int end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        int begin = end;
        while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] == '.')) begin--;
        reachedStart = begin == 0;
        return (begin, end);
    }

    private sealed class Whole(string text) : ResolutionText
    {
        public override ReadOnlySpan<char> Surface(Mention mention) => text.AsSpan(mention.Start, mention.End - mention.Start);

        public override ReadOnlySpan<char> WordBefore(int start)
        {
            var (begin, end) = WordBefore(text, start, out _);
            return text.AsSpan(begin, end - begin);
        }

        public override List<(int Index, string Role, string Affiliation)> Roles(IReadOnlyList<ResolvedMention> resolved) =>
            PersonRoles.Default.Find(text, resolved);
    }

    /// <summary>A compact text read a window at a time. The role rules run per block of mentions on the block's
    /// text and a margin of characters either side (64K): they read a line around a name, at most 300 characters each
    /// way, so each person's role is found from the same characters, and the same neighbouring mentions, as on the
    /// whole text. Only a single word or run of spaces longer than the margin, next to a name, could read less.</summary>
    private sealed class Windowed(CompactText text, int blockChars, int margin) : ResolutionText
    {
        private string _window = "";
        private int _windowStart;

        public override ReadOnlySpan<char> Surface(Mention mention)
        {
            int length = mention.End - mention.Start;
            if (mention.Start < _windowStart || mention.End > _windowStart + _window.Length)
            {
                _windowStart = mention.Start;
                _window = text.Substring(mention.Start, (int)Math.Min(text.Length - (long)mention.Start, Math.Max(length, blockChars)));
            }
            return _window.AsSpan(mention.Start - _windowStart, length);
        }

        public override ReadOnlySpan<char> WordBefore(int start)
        {
            // Rare (a person named like a capital): read back 256 characters, more if the word or the spaces before it
            // run into the window's start.
            for (int back = 256; ; back *= 4)
            {
                int from = Math.Max(0, start - back);
                string window = text.Substring(from, start - from);
                var (begin, end) = WordBefore(window, window.Length, out bool reachedStart);
                if (!reachedStart || from == 0) return window.AsSpan(begin, end - begin);
            }
        }

        public override List<(int Index, string Role, string Affiliation)> Roles(IReadOnlyList<ResolvedMention> resolved)
        {
            var found = new List<(int, string, string)>();
            int count = resolved.Count;
            for (int first = 0, last; first < count; first = last)
            {
                long blockEnd = (long)resolved[first].Mention.Start + blockChars;
                bool persons = false;
                for (last = first; last < count && resolved[last].Mention.Start < blockEnd; last++)
                    persons |= resolved[last].Kind == EntityKind.Person;
                if (!persons) continue;
                var (window, offset) = text.Window(resolved[first].Mention.Start, (int)Math.Min(blockEnd, text.Length), margin);
                var view = new WindowView(resolved, first, last, offset, window.Length);
                foreach (var (index, role, affiliation) in PersonRoles.Default.Find(window, view, text.WrapWidth))
                {
                    int i = view.IndexInDocument(index);
                    if (i >= first && i < last) found.Add((i, role, affiliation));
                }
            }
            return found;
        }
    }

    /// <summary>The mentions that lie inside a window of the text, their offsets made relative to it.</summary>
    private sealed class WindowView : IReadOnlyList<ResolvedMention>
    {
        private readonly IReadOnlyList<ResolvedMention> _resolved;
        private readonly List<int> _indices = [];
        private readonly int _offset;

        public WindowView(IReadOnlyList<ResolvedMention> resolved, int first, int last, int offset, int length)
        {
            _resolved = resolved;
            _offset = offset;
            int lo = first;
            while (lo > 0 && resolved[lo - 1].Mention.Start >= offset) lo--;
            for (int i = lo; i < resolved.Count && resolved[i].Mention.Start < offset + length; i++)
            {
                if (resolved[i].Mention.End <= offset + length) _indices.Add(i);
            }
        }

        public int IndexInDocument(int index) => _indices[index];

        public int Count => _indices.Count;

        public ResolvedMention this[int index]
        {
            get
            {
                var r = _resolved[_indices[index]];
                return r with { Mention = r.Mention with { Start = r.Mention.Start - _offset, End = r.Mention.End - _offset } };
            }
        }

        public IEnumerator<ResolvedMention> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
