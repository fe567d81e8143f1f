namespace Extractor.IO.Sources;

/// <summary>
/// A path glob: <c>*</c> (any characters but <c>/</c>), <c>**</c> (any characters), <c>**/</c> (zero or more whole
/// folders) and <c>?</c> (one character but <c>/</c>); everything else is literal and case-sensitive.
/// </summary>
/// <remarks>
/// Matching simulates the pattern as a set of positions (an NFA) over the input in one pass: time is
/// O(pattern × path) whatever the pattern, where a backtracking matcher is exponential on patterns like
/// <c>*a*a*a*b</c>.
/// </remarks>
internal sealed class Glob
{
    private enum Kind : byte { Literal, One, Star, AnyStar, Folders }

    private readonly Kind[] _kinds;
    private readonly char[] _literals;

    private Glob(string pattern, Kind[] kinds, char[] literals)
    {
        Pattern = pattern;
        _kinds = kinds;
        _literals = literals;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Whether the pattern contains a <c>/</c>, and so matches whole relative paths rather than file names.</summary>
    public bool HasSlash => Pattern.Contains('/');

    /// <summary>Compiles <paramref name="pattern"/>; a leading <c>./</c> or <c>/</c> is ignored. Every string is a valid glob.</summary>
    public static Glob Parse(string pattern)
    {
        var body = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern.TrimStart('/');
        var kinds = new List<Kind>();
        var literals = new List<char>();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var kind = Kind.Literal;
            if (c == '?')
            {
                kind = Kind.One;
            }
            else if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                var folders = i + 2 < body.Length && body[i + 2] == '/';
                kind = folders ? Kind.Folders : Kind.AnyStar;
                i += folders ? 2 : 1;
            }
            else if (c == '*')
            {
                kind = Kind.Star;
            }
            kinds.Add(kind);
            literals.Add(c);
        }
        return new Glob(pattern, [.. kinds], [.. literals]);
    }

    /// <summary>Whether the glob matches all of <paramref name="path"/> (forward slashes).</summary>
    public bool IsMatch(ReadOnlySpan<char> path)
    {
        var count = _kinds.Length;
        Span<bool> current = count < 256 ? stackalloc bool[count + 1] : new bool[count + 1];
        Span<bool> next = count < 256 ? stackalloc bool[count + 1] : new bool[count + 1];
        current[0] = true;
        Close(current);
        foreach (var c in path)
        {
            next.Clear();
            var any = false;
            for (var state = 0; state < count; state++)
            {
                if (!current[state])
                {
                    continue;
                }
                switch (_kinds[state])
                {
                    case Kind.Literal when _literals[state] == c:
                    case Kind.One when c != '/':
                        next[state + 1] = any = true;
                        break;
                    case Kind.Star when c != '/':
                    case Kind.AnyStar:
                        next[state] = any = true;
                        break;
                    case Kind.Folders:
                        next[state] = any = true;
                        if (c == '/')
                        {
                            next[state + 1] = true;
                        }
                        break;
                }
            }
            if (!any)
            {
                return false;
            }
            Close(next);
            var swap = current;
            current = next;
            next = swap;
        }
        return current[count];
    }

    /// <summary>Adds the positions reachable without input: every star may match nothing.</summary>
    private void Close(Span<bool> states)
    {
        for (var state = 0; state < _kinds.Length; state++)
        {
            if (states[state] && _kinds[state] is Kind.Star or Kind.AnyStar or Kind.Folders)
            {
                states[state + 1] = true;
            }
        }
    }

    /// <summary>The pattern.</summary>
    public override string ToString() => Pattern;
}
