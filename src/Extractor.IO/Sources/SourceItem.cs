using Extractor.Text;

namespace Extractor.IO.Sources;

/// <summary>
/// One result of reading the inputs, in input order: a <see cref="SourceDocument"/>, a <see cref="SourceWarning"/>
/// (the document, if any, is still read) or a <see cref="SourceFailure"/> (an input, or a row, that yields nothing).
/// Switch on the subtype.
/// </summary>
/// <remarks>A result type rather than exceptions: one bad file or row is expected and never aborts the batch.</remarks>
public abstract record SourceItem;

/// <summary>A document to analyze.</summary>
/// <param name="Id">The document id: path relative to its folder argument (forward slashes), the path as given, <c>-</c> for stdin, or a row id.</param>
/// <param name="Text">The text as decoded; output offsets refer to it.</param>
public sealed record SourceDocument(string Id, string Text) : SourceItem
{
    private readonly HeldText _text = new(Text);

    private SourceDocument(string id, CompactText text)
        : this(id, "")
    {
        _text = new(text);
    }

    /// <summary>A document of <paramref name="text"/>, held compactly when it is longer than one tagging window: a
    /// 21.6 MB text is 43 MB as a string and 21.6 MB as UTF-8, for as long as it waits, is processed and is written.</summary>
    internal static SourceDocument Of(string id, string text) =>
        text.Length > CompactText.MinChars && CompactText.From(text) is { } compact ? new SourceDocument(id, compact) : new SourceDocument(id, text);

    /// <summary>A document of a text already held compactly.</summary>
    internal static SourceDocument Of(string id, CompactText text) => new(id, text);

    /// <summary>The text as decoded; output offsets refer to it. Built on each call for a long document held compactly.</summary>
    public string Text { get => _text.Text; init => _text = new(value); }

    /// <summary>The text's length in UTF-16 characters, without building it.</summary>
    internal int Length => _text.Length;

    /// <summary>The text as held for a long document, or null when it is held as a string.</summary>
    internal CompactText? Compact => _text.Compact;

    /// <summary>Characters this document holds in its run's <see cref="DocumentBudget"/>, to be released once its records are written.</summary>
    public long Reserved { get; init; }
}

/// <summary>Something worth telling the user that does not stop a document from being read.</summary>
/// <param name="Where">The file (or <c>FILE:LINE</c>) concerned.</param>
/// <param name="Message">What happened.</param>
public sealed record SourceWarning(string Where, string Message) : SourceItem
{
    /// <summary><c>WHERE: MESSAGE</c>, ready to show.</summary>
    public override string ToString() => $"{DiagnosticText.Escape(Where)}: {DiagnosticText.Escape(Message)}";
}

/// <summary>An input or row that yields no document.</summary>
/// <param name="Where">The file, folder, or <c>FILE:LINE</c> / <c>FILE:ROW</c> concerned.</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record SourceFailure(string Where, string Reason) : SourceItem
{
    /// <summary><c>WHERE: REASON</c>, ready to show.</summary>
    public override string ToString() => $"{DiagnosticText.Escape(Where)}: {DiagnosticText.Escape(Reason)}";
}
