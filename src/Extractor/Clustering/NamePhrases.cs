namespace Extractor.Clustering;

/// <summary>
/// Multi-word names in a corpus: runs of two to <see cref="MaxWords"/> capitalized words seen often enough to be
/// given a class of their own ("Manchester United", "New York Times").
/// </summary>
/// <remarks>
/// A word class cannot say that "Manchester United" is a club while "Manchester" is a city; a class for the whole
/// phrase can (Lin &amp; Wu 2009, phrase clusters). A phrase is a maximal run of capitalized words; at a sentence start,
/// less its first word when that is more often written in lowercase ("In", "The", "Yesterday"), which the run only
/// carries because it starts the sentence.
/// </remarks>
internal sealed class NamePhrases
{
    /// <summary>Longest phrase, in words.</summary>
    public const int MaxWords = 4;

    private readonly Dictionary<Key, int> _index;
    private readonly bool[] _capitalized;

    private NamePhrases(List<int[]> phrases, List<long> counts, Dictionary<Key, int> index, bool[] capitalized)
    {
        Words = phrases;
        Counts = counts;
        _index = index;
        _capitalized = capitalized;
    }

    /// <summary>Each phrase's corpus word ids, in order of first appearance.</summary>
    public IReadOnlyList<int[]> Words { get; }

    /// <summary>How often each phrase occurred as a whole run.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Number of phrases.</summary>
    public int Count => Words.Count;

    /// <summary>The phrases of <paramref name="corpus"/> occurring at least <paramref name="minCount"/> times.</summary>
    public static NamePhrases Find(TokenCorpus corpus, int minCount)
    {
        bool[] capitalized = new bool[corpus.TypeCount];
        bool[] nameLike = new bool[corpus.TypeCount];
        bool[] sentenceEnd = new bool[corpus.TypeCount];
        for (int id = 0; id < corpus.TypeCount; id++)
        {
            string word = corpus.Word(id);
            sentenceEnd[id] = word is "." or "!" or "?" or ":" or "\"" or "``" or "'" or "(" or "-" or "--";
            capitalized[id] = word.Length > 0 && char.IsUpper(word[0]);
            if (!capitalized[id]) continue;
            int lower = corpus.IdOf(word.ToLowerInvariant());
            nameLike[id] = lower < 0 || corpus.Frequency(lower) < corpus.Frequency(id);
        }

        var counts = new Dictionary<Key, long>();
        var tokens = corpus.Tokens;
        for (int i = 0; i < tokens.Length;)
        {
            if (tokens[i] == TokenCorpus.Break || !capitalized[tokens[i]]) { i++; continue; }
            int end = i;
            while (end < tokens.Length && tokens[end] != TokenCorpus.Break && capitalized[tokens[end]]) end++;
            int start = i;
            // A sentence start capitalizes one common word ("In New York"); mid-sentence, "New" is part of the name.
            if (!nameLike[tokens[i]] && (i == 0 || tokens[i - 1] == TokenCorpus.Break || sentenceEnd[tokens[i - 1]])) start++;
            int length = end - start;
            if (length >= 2 && length <= MaxWords)
            {
                var key = new Key(tokens.Slice(start, length));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
            i = end;
        }

        var phrases = new List<int[]>();
        var kept = new List<long>();
        var index = new Dictionary<Key, int>();
        foreach (var (key, count) in counts)
        {
            if (count < minCount) continue;
            index.Add(key, phrases.Count);
            phrases.Add(key.ToArray());
            kept.Add(count);
        }
        return new NamePhrases(phrases, kept, index, capitalized);
    }

    /// <summary>The corpus with each phrase occurrence replaced by one token, <paramref name="firstId"/> + the phrase's
    /// index; the longest phrase starting at a capitalized word wins, left to right.</summary>
    public int[] Rewrite(ReadOnlySpan<int> tokens, int firstId)
    {
        var result = new List<int>(tokens.Length);
        for (int i = 0; i < tokens.Length;)
        {
            int id = tokens[i];
            if (id != TokenCorpus.Break && _capitalized[id])
            {
                int run = 1;
                while (run < MaxWords && i + run < tokens.Length && tokens[i + run] != TokenCorpus.Break && _capitalized[tokens[i + run]]) run++;
                int match = -1, length = 0;
                for (int n = run; n >= 2 && match < 0; n--)
                {
                    if (_index.TryGetValue(new Key(tokens.Slice(i, n)), out match)) length = n;
                    else match = -1;
                }
                if (match >= 0)
                {
                    result.Add(firstId + match);
                    i += length;
                    continue;
                }
            }
            result.Add(id);
            i++;
        }
        return [.. result];
    }

    /// <summary>Up to <see cref="MaxWords"/> word ids, unused places -1.</summary>
    private readonly record struct Key(int A, int B, int C, int D)
    {
        public Key(ReadOnlySpan<int> ids)
            : this(ids[0], ids[1], ids.Length > 2 ? ids[2] : -1, ids.Length > 3 ? ids[3] : -1)
        {
        }

        public int[] ToArray() => C < 0 ? [A, B] : D < 0 ? [A, B, C] : [A, B, C, D];
    }
}
