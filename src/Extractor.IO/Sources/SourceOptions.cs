namespace Extractor.IO.Sources;

/// <summary>Which files become documents and how they are read. Immutable; validated by the CLI before use.</summary>
public sealed record SourceOptions
{
    /// <summary>50 MiB, the default <see cref="MaxDocumentSize"/>.</summary>
    public const long DefaultMaxDocumentSize = 50L * 1024 * 1024;

    /// <summary>The largest <c>--max-document-size</c>: a document is held as one .NET string, which cannot pass 2^30 characters.</summary>
    public const long MaxDocumentSizeLimit = 1L << 30;

    /// <summary>The defaults: every option at its documented default.</summary>
    public static SourceOptions Default { get; } = new();

    /// <summary>
    /// Globs a file inside a folder must match (any of them). Empty means <see cref="FileFilter.DefaultIncludes"/>:
    /// text, Markdown and HTML, so datasets in a folder are read only when included explicitly.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs that drop files, and whole folders, inside a folder argument.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The format of every input, or <see cref="InputFormat.Auto"/> to go by extension.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>The JSONL property or CSV column holding the document text.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>The JSONL property or CSV column holding the document id; rows without it are named <c>FILE:LINE</c> or <c>FILE:ROW</c>.</summary>
    public string IdField { get; init; } = "id";

    /// <summary>When set, only the documents this shard owns are read (<c>--shard K/N</c>); whole files of the others are
    /// skipped before they are opened, dataset rows before they are tagged.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Whether symbolic links inside a folder argument that lead out of it are followed (<c>--follow</c>).</summary>
    public bool FollowLinks { get; init; }

    /// <summary>Files (and rows) larger than this many bytes are skipped with a failure that names them.</summary>
    public long MaxDocumentSize { get; init; } = DefaultMaxDocumentSize;

    /// <summary>
    /// The longest JSONL line or CSV record held in memory, in characters: the size limit plus 64 K for the other
    /// fields and the quoting, capped below .NET's largest string. A longer row is skipped unread, so one missing
    /// newline cannot exhaust memory.
    /// </summary>
    /// <remarks>Four times the limit made room for a text escaped as <c>\uXXXX</c> throughout, at the cost of holding
    /// 400 MB for a skipped 220 MB line; a row whose escapes take it past the limit is now refused with the others.</remarks>
    internal int MaxRowChars => (int)Math.Min(1L << 29, MaxDocumentSize + 64 * 1024);
}
