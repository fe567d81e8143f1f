using Extractor.Recognition.Features;

namespace Extractor.Recognition.Neural;

/// <summary>What the neural tagger reads of a token besides its characters: the normalized word that picks its
/// vector, and the perceptron's precomputed facts (<see cref="TokenInfo"/>) as indicator features.</summary>
/// <remarks>The one definition both sides use: the maintainer tool dumps training data through it and the tagger
/// reads text through it, so what the network learned from is what it sees at run time.</remarks>
internal static class NeuralInputs
{
    private const int FlagBits = 11;
    private const int GazetteerBits = 8;
    /// <summary>Lists read (the shipped model has three, the WordNet people, places and organizations).</summary>
    private const int Lists = 4;
    private const int ListValues = 4;
    private const int ListBase = FlagBits + GazetteerBits;
    private const int CaseBase = ListBase + Lists * ListValues;
    private const int PhraseBase = CaseBase + 2;
    private const int ClassBit = PhraseBase + 3;

    /// <summary>Indicator features per token.</summary>
    public const int DenseCount = ClassBit + 1;

    /// <summary>The most indicators one token can have on.</summary>
    public const int MaxActive = FlagBits + GazetteerBits + Lists + 2 + 1 + 1;

    /// <summary>Writes the indices of the token's indicators that are on, ascending; returns how many.</summary>
    public static int Active(in TokenInfo info, Span<int> active)
    {
        int n = 0;
        for (int b = 0; b < FlagBits; b++)
            if (((int)info.Flags & (1 << b)) != 0) active[n++] = b;
        for (int b = 0; b < GazetteerBits; b++)
            if (((int)info.Gazetteer & (1 << b)) != 0) active[n++] = FlagBits + b;
        for (int l = 0; l < Lists; l++)
        {
            int part = (int)((info.ListParts >> (4 * l)) & 0xF);
            if (part is >= 1 and <= ListValues) active[n++] = ListBase + l * ListValues + part - 1;
        }
        if ((info.DocumentCase & DocumentCase.CapitalizedMidSentence) != 0) active[n++] = CaseBase;
        if ((info.DocumentCase & DocumentCase.Lowercase) != 0) active[n++] = CaseBase + 1;
        if (info.PhrasePart is >= 1 and <= 3) active[n++] = PhraseBase + info.PhrasePart - 1;
        if (info.Cluster >= 0) active[n++] = ClassBit;
        return n;
    }

    /// <summary>A token's facts rebuilt from what <see cref="Active"/> and the class ids made of them (the training
    /// dump's columns), so that stored reference inputs run through the tagger as the dumped ones did.</summary>
    public static TokenInfo InfoOf(int classId, int phraseClass, ReadOnlySpan<int> active)
    {
        var info = new TokenInfo { Cluster = classId - 1, Phrase = phraseClass };
        foreach (int a in active)
        {
            if (a < FlagBits) info.Flags |= (TokenFlags)(1 << a);
            else if (a < ListBase) info.Gazetteer |= (GazetteerHits)(1 << (a - FlagBits));
            else if (a < CaseBase) info.ListParts |= (ulong)((a - ListBase) % ListValues + 1) << (4 * ((a - ListBase) / ListValues));
            else if (a < PhraseBase) info.DocumentCase |= a == CaseBase ? DocumentCase.CapitalizedMidSentence : DocumentCase.Lowercase;
            else if (a < ClassBit) info.PhrasePart = (byte)(a - PhraseBase + 1);
        }
        return info;
    }

    /// <summary>A fingerprint of what the network reads of a base model: its class paths (in order, so each id means
    /// the same class), how many words have one, and its phrase lists' names.</summary>
    public static ulong Fingerprint(WordClassTable? classes, PhraseLists? lists)
    {
        var text = new System.Text.StringBuilder();
        text.Append(classes?.WordCount ?? 0).Append('\n');
        foreach (var path in classes?.Paths ?? []) text.Append(path).Append('\n');
        foreach (var name in lists?.Names ?? []) text.Append(name).Append('\n');
        return StableHash.Of(text.ToString());
    }

    /// <summary>The token's word class plus one (0: none), which picks its class vector.</summary>
    public static int ClassOf(in TokenInfo info) => info.Cluster + 1;

    /// <summary>The class of the name phrase the token is in, plus one (0: none), from the same class vectors.</summary>
    public static int PhraseClassOf(in TokenInfo info) => info.Phrase;

    /// <summary>Writes the form that picks the word's vector: lowercase, every ASCII digit a 0 (the form the word
    /// vectors were trained on); returns its length, which is the word's.</summary>
    public static int Normalize(ReadOnlySpan<char> word, Span<char> normalized)
    {
        word.ToLowerInvariant(normalized);
        for (int i = 0; i < word.Length; i++)
            if (char.IsAsciiDigit(normalized[i])) normalized[i] = '0';
        return word.Length;
    }
}
