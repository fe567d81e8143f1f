using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Pipeline;

/// <summary>One document and everything the pipeline found in it, every span an offset into <see cref="Text"/> (spaCy's <c>Doc</c>).</summary>
/// <remarks>
/// The analyzer fills the tagged <see cref="Mentions"/>; <see cref="Resolve"/> adds what they name, and
/// <see cref="Keep"/> narrows that to what a user asked for. Each step returns a new document, so one can be
/// shared between threads and a filtered view never changes the original.
/// </remarks>
/// <param name="Text">The document text, exactly as read.</param>
/// <param name="TokenCount">How many tokens the text has.</param>
/// <param name="Mentions">Tagged entity spans in text order; never cross a sentence boundary.</param>
public sealed record Document(string Text, int TokenCount, Mention[] Mentions)
{
    private readonly HeldText _text = new(Text);

    /// <summary>A document whose text is held compactly: <see cref="Text"/> is built only if asked for.</summary>
    internal Document(CompactText text, int tokenCount, Mention[] mentions)
        : this("", tokenCount, mentions)
    {
        _text = new(text);
    }

    /// <summary>The document text, exactly as read.</summary>
    public string Text { get => _text.Text; init => _text = new(value); }

    /// <summary>The text's length in UTF-16 characters, without building it.</summary>
    internal int Length => _text.Length;

    /// <summary>The text as held for a long document of a batch run, or null when it is held as a string.</summary>
    internal CompactText? Compact => _text.Compact;

    /// <summary>Tokens in text order, non-overlapping; empty when the document was analyzed for a batch run, which
    /// reads a long text a window at a time and keeps only <see cref="TokenCount"/>.</summary>
    public Token[] Tokens { get; init; } = [];

    /// <summary>Sentences as token ranges over <see cref="Tokens"/>; empty when the tokens were not kept.</summary>
    public Sentence[] Sentences { get; init; } = [];

    /// <summary>The mentions with their kind and canonical name, in text order; empty until <see cref="Resolve"/>.</summary>
    public IReadOnlyList<ResolvedMention> Resolved { get; init; } = [];

    /// <summary><see cref="Resolved"/> grouped per entity, in order of first mention.</summary>
    public IReadOnlyList<DocumentEntity> Entities { get; init; } = [];

    /// <summary>This document with its mentions resolved to kinds and canonical names, those that <paramref name="keep"/>
    /// accepts (all when null) kept, and grouped per entity: <see cref="Keep"/> after a full resolution, without
    /// grouping every mention first only to regroup the kept ones (a large document's mentions are held once less).</summary>
    /// <param name="resolver">The resolution stage.</param>
    /// <param name="keep">Which resolved mentions to keep; all when null.</param>
    /// <param name="onResolved">Called with a compactly held text once it is resolved, before the grouping: a batch run lets
    /// it go there (<see cref="CompactText.LetGo"/>), as its records need only code-point offsets after this.</param>
    internal Document Resolve(EntityResolver resolver, Func<ResolvedMention, bool>? keep = null, Action<CompactText>? onResolved = null)
    {
        var found = Compact is { } compact ? resolver.Resolve(compact, Mentions) : resolver.Resolve(Text, Mentions);
        if (Compact is { } held) onResolved?.Invoke(held);
        if (keep is not null) found = found.Where(keep);
        return this with { Resolved = found, Entities = EntityResolver.Group(found) };
    }

    /// <summary>This document with only the resolved mentions that <paramref name="keep"/> accepts, regrouped.</summary>
    /// <remarks>Names were resolved on every mention first, so a bare "Rubio" still gets "Marco Rubio" when the full
    /// name's mention is filtered out.</remarks>
    public Document Keep(Func<ResolvedMention, bool> keep)
    {
        var kept = Resolved.Where(keep).ToArray();
        return kept.Length == Resolved.Count ? this : this with { Resolved = kept, Entities = EntityResolver.Group(kept) };
    }
}
