using Extractor.Knowledge;
using Extractor.Text;

namespace Extractor.Recognition.Spans;

/// <summary>
/// Brings the tagger's spans of one sentence to the name conventions of <c>docs/annotation-guidelines.md</c>:
/// titles and ranks moved out of a person's span, particles and quoted nicknames kept inside it, ships and
/// transliterated organization names out of the people.
/// </summary>
/// <remarks>
/// <para>The statistical tagger learned these conventions from 1996 news and misses them on names it never saw
/// (<c>Tamim bin Hamad al-Thani</c> came out as two people, <c>USS Cole</c> as one). Each rule here is a
/// convention that holds whatever the name, so it needs no knowledge of the name itself:</para>
/// <list type="bullet">
/// <item>V1: a span after or starting with a ship prefix (<c>USS</c>, <c>HMS</c>), or a person right after a vessel
/// noun (<c>the destroyer Cole</c>), is a vessel: MISC.</item>
/// <item>O2: a person span of two or more words headed by a transliterated organization word (<c>Jaish</c>,
/// <c>Ansar</c>) is an organization.</item>
/// <item>D1: a one-word person span that is a name of God used alone (<c>God</c>, <c>Allah</c>) is dropped: the
/// 1996 training data calls it a person, news readers do not.</item>
/// <item>O5: a designated terrorist organization (<see cref="DesignatedOrganizations"/>) is an organization where its
/// name occurs as written, unless the tagger's span reaches beyond it.</item>
/// <item>P1: leading titles, ranks and honorifics leave a person span (<c>Sgt Maj John Brown</c> → <c>John Brown</c>).</item>
/// <item>P2: a quoted nickname between name parts joins them (<c>Robert "Bob" Collins</c>).</item>
/// <item>P3: a particle between a person span and a capitalized word joins them (<c>Tamim bin Hamad al-Thani</c>),
/// as does a following part with a joined article (<c>Abu Bakr al-Baghdadi</c>), an opener before the span
/// (<c>Abu</c>), a given name and patronymic before it (<c>Tamim bin [Hamad al-Thani]</c>, also when the tagger
/// gave <c>Tamim</c> a span of its own), and a generational suffix after it (<c>Robert Downey Jr.</c>).</item>
/// </list>
/// <para>Rules only move span edges over neighbouring tokens and change labels; the recognizer scores the result
/// from the tokens the tagger put in a span (a joining particle it left outside does not count). Work is per span,
/// never per token, so tagging speed is unchanged.</para>
/// </remarks>
internal sealed class NameSpanRules(NameWords words, TitlePhrases titles, Gazetteers gazetteers, UserLexicon? designated = null)
{
    /// <summary>The rules over the shipped word lists.</summary>
    public static NameSpanRules Default => LazyDefault.Value;

    private static readonly Lazy<NameSpanRules> LazyDefault = new(() => new NameSpanRules(NameWords.Default, TitlePhrases.Default, Gazetteers.Default, DesignatedOrganizations.Default));

    /// <summary>Applies the rules to <paramref name="spans"/>, the sorted spans of the sentence <paramref name="tokens"/>.</summary>
    public void Apply(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans)
    {
        for (int k = spans.Count - 1; k >= 0; k--)
            if (spans[k].Label == EntityLabel.Person && spans[k].End - spans[k].First == 1 && words.IsDeity(tokens[spans[k].First].Of(text))) spans.RemoveAt(k);
        if (spans.Count > 0) ApplyToSpans(text, tokens, spans);
        // Last, and also in a sentence where the tagger found nothing: a listed name stands on its own.
        designated?.Apply(text, tokens, spans, yieldToLonger: true);
    }

    /// <summary>The rules that move and retype the tagger's spans (V1, O2, P1 to P3).</summary>
    private void ApplyToSpans(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans)
    {
        for (int k = 0; k < spans.Count; k++)
        {
            int previousEnd = k == 0 ? 0 : spans[k - 1].End;
            spans[k] = Retype(text, tokens, spans[k], previousEnd);
            if (spans[k].Label == EntityLabel.Person) spans[k] = WithoutTitles(text, tokens, spans[k]);
        }
        DropTitlesBeforeNames(text, tokens, spans);
        JoinNicknames(text, tokens, spans);
        JoinParticles(text, tokens, spans);
    }

    /// <summary>P1 when the tagger cut the title off as a person of its own (<c>[Sgt Maj] [John Brown]</c>): a span of
    /// title words only, right before a person, is not a person.</summary>
    private void DropTitlesBeforeNames(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans)
    {
        for (int k = spans.Count - 2; k >= 0; k--)
        {
            TaggedSpan span = spans[k];
            if (span.Label != EntityLabel.Person || spans[k + 1].Label != EntityLabel.Person || spans[k + 1].First != span.End) continue;
            if (!titles.MayStartTitle(tokens[span.First].Of(text))) continue;
            var spanWords = new string[span.End - span.First + 1];
            for (int i = 0; i < spanWords.Length - 1; i++) spanWords[i] = tokens[span.First + i].Of(text).ToString();
            spanWords[^1] = tokens[span.End].Of(text).ToString();
            if (titles.LeadingLength(spanWords) == spanWords.Length - 1) spans.RemoveAt(k);
        }
    }

    /// <summary>V1 and O2.</summary>
    private TaggedSpan Retype(string text, ReadOnlySpan<Token> tokens, TaggedSpan span, int previousEnd)
    {
        var first = tokens[span.First].Of(text);
        bool free = span.First > previousEnd;
        if (span.End - span.First >= 2 && words.IsShipPrefix(first)) return span with { Label = EntityLabel.Misc };
        if (free && words.IsShipPrefix(tokens[span.First - 1].Of(text)))
            return span with { First = span.First - 1, Label = EntityLabel.Misc };
        if (span.Label != EntityLabel.Person) return span;
        if (free && words.IsVesselNoun(tokens[span.First - 1].Of(text))) return span with { Label = EntityLabel.Misc };
        if (span.End - span.First >= 2 && words.IsOrganizationHead(first)) return span with { Label = EntityLabel.Organization };
        return span;
    }

    /// <summary>P1. Word lists are built only for a span whose first word may open a title or name a country.</summary>
    private TaggedSpan WithoutTitles(string text, ReadOnlySpan<Token> tokens, TaggedSpan span)
    {
        if (span.End - span.First < 2) return span;
        var first = tokens[span.First].Of(text);
        if (!titles.MayStartTitle(first) && !gazetteers.IsDemonym(first) && gazetteers.MatchCountryAt(text, tokens, span.First) == 0)
            return span;
        var spanWords = new string[span.End - span.First];
        for (int i = 0; i < spanWords.Length; i++) spanWords[i] = tokens[span.First + i].Of(text).ToString();
        return span with { First = span.First + titles.LeadingLength(spanWords) };
    }

    /// <summary>P2: <c>Name "Nick" Name</c> where the quotes hug the nickname and a person span touches the pattern.</summary>
    private static void JoinNicknames(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans)
    {
        for (int open = 1; open + 3 < tokens.Length; open++)
        {
            if (!IsQuote(tokens[open].Of(text)) || tokens[open + 1].Start != tokens[open].End) continue;
            int close = open + 2;
            while (close < Math.Min(open + 4, tokens.Length) && !IsQuote(tokens[close].Of(text))) close++;
            if (close + 1 >= tokens.Length || !IsQuote(tokens[close].Of(text)) || tokens[close].Start != tokens[close - 1].End) continue;
            bool names = IsCapitalized(tokens[open - 1].Of(text)) && IsCapitalized(tokens[close + 1].Of(text));
            for (int i = open + 1; i < close && names; i++) names = IsCapitalized(tokens[i].Of(text));
            if (!names) continue;
            int left = IndexAt(spans, open - 1), right = IndexAt(spans, close + 1), inside = IndexAt(spans, open + 1);
            if (!IsPerson(spans, left) && !IsPerson(spans, right) && !IsPerson(spans, inside)) continue;
            int first = left >= 0 ? spans[left].First : open - 1;
            int end = right >= 0 ? spans[right].End : close + 2;
            Replace(spans, first, end, EntityLabel.Person);
            open = close;
        }
    }

    /// <summary>P3, repeated until nothing changes, so <c>Mohammed bin Abdulrahman bin Jassim Al Thani</c> ends whole.</summary>
    private void JoinParticles(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans)
    {
        for (int k = 0; k < spans.Count; k++)
        {
            if (spans[k].Label != EntityLabel.Person || spans[k].Listed) continue;
            if (spans[k].First > 0 && IndexAt(spans, spans[k].First - 1) < 0 && words.IsOpener(tokens[spans[k].First - 1].Of(text)))
                spans[k] = spans[k] with { First = spans[k].First - 1 };
            k = JoinGivenName(text, tokens, spans, k);
            while (JoinNext(text, tokens, spans, k)) { }
        }
    }

    /// <summary>
    /// Takes a given name and a patronymic before the person span <paramref name="k"/> into it (<c>Tamim bin</c>
    /// before <c>Hamad al-Thani</c>). The given name may sit in a one-word span of another kind, which the person
    /// replaces; a title is never a given name (<c>Sheikh bin Zayed</c> stays as it is). Returns the span's new index.
    /// </summary>
    private int JoinGivenName(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans, int k)
    {
        int particle = spans[k].First - 1, given = particle - 1;
        if (given < 0 || !words.IsPatronymic(tokens[particle].Of(text)) || IndexAt(spans, particle) >= 0) return k;
        var name = tokens[given].Of(text);
        if (!IsCapitalized(name) || gazetteers.IsPersonTitle(name)) return k;
        int holder = IndexAt(spans, given);
        if (holder >= 0 && (spans[holder].End - spans[holder].First != 1 || spans[holder].Listed)) return k;
        if (holder < 0)
        {
            spans[k] = spans[k] with { First = given };
            return k;
        }
        spans[holder] = spans[k] with { First = given };
        spans.RemoveAt(k);
        return holder;
    }

    /// <summary>Joins the person span <paramref name="k"/> to the name part after it, if a particle or article says so.</summary>
    private bool JoinNext(string text, ReadOnlySpan<Token> tokens, List<TaggedSpan> spans, int k)
    {
        TaggedSpan span = spans[k];
        int next = k + 1 < spans.Count ? spans[k + 1].First : tokens.Length;
        if (span.End >= tokens.Length) return false;
        // A following span that itself starts with a particle or a joined article ("bin Hamad", "al-Baghdadi").
        if (next == span.End)
        {
            var lead = tokens[next].Of(text);
            bool partOfName = words.HasAttachedArticle(lead) || (words.IsParticle(lead) && spans[k + 1].End - next >= 2);
            if (!partOfName) return false;
            Merge(spans, k, spans[k + 1].End);
            return true;
        }
        // A generational suffix, also after one capitalized word the tagger left out ("Martin Luther King Jr.").
        int suffix = words.IsSuffix(tokens[span.End].Of(text)) ? span.End
            : span.End + 1 < tokens.Length && span.End + 1 <= next && IsCapitalized(tokens[span.End].Of(text)) && words.IsSuffix(tokens[span.End + 1].Of(text)) ? span.End + 1
            : -1;
        if (suffix >= 0)
        {
            if (suffix == next) Merge(spans, k, spans[k + 1].End);
            else spans[k] = span with { End = suffix + 1 };
            return true;
        }
        int p = span.End;
        int particles = 0;
        while (p < next && particles < 2 && words.IsParticle(tokens[p].Of(text)) && !words.HasAttachedArticle(tokens[p].Of(text)))
        {
            p++;
            particles++;
        }
        if (p >= tokens.Length) return false;
        var part = tokens[p].Of(text);
        if (particles == 0 && !words.HasAttachedArticle(part)) return false;
        if (!IsCapitalized(part) && !words.HasAttachedArticle(part)) return false;
        if (p == next)
        {
            Merge(spans, k, spans[k + 1].End);
            return true;
        }
        // One word at a time: the next round takes a further particle ("bin Jassim Al Thani"), never a bare
        // capitalized word that may start the next phrase ("al-Thani Monday").
        spans[k] = span with { End = p + 1 };
        return true;
    }

    private static void Merge(List<TaggedSpan> spans, int k, int end)
    {
        spans[k] = spans[k] with { End = end };
        spans.RemoveAt(k + 1);
    }

    /// <summary>Replaces every span inside [first, end) with one span of <paramref name="label"/>.</summary>
    private static void Replace(List<TaggedSpan> spans, int first, int end, EntityLabel label)
    {
        int at = 0;
        while (at < spans.Count && spans[at].End <= first) at++;
        while (at < spans.Count && spans[at].First < end)
        {
            first = Math.Min(first, spans[at].First);
            end = Math.Max(end, spans[at].End);
            spans.RemoveAt(at);
        }
        spans.Insert(at, new TaggedSpan(first, end, label));
    }

    /// <summary>The index of the span holding <paramref name="token"/>, or -1.</summary>
    private static int IndexAt(List<TaggedSpan> spans, int token)
    {
        for (int i = 0; i < spans.Count; i++)
        {
            if (spans[i].First <= token && token < spans[i].End) return i;
            if (spans[i].First > token) break;
        }
        return -1;
    }

    private static bool IsPerson(List<TaggedSpan> spans, int index) => index >= 0 && spans[index].Label == EntityLabel.Person;

    private static bool IsQuote(ReadOnlySpan<char> token) => token is "\"" or "\u201C" or "\u201D";

    private static bool IsCapitalized(ReadOnlySpan<char> token) => token.Length > 0 && char.IsUpper(token[0]);
}
