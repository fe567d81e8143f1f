using System.Text;

namespace Extractor.IO.Sources;

/// <summary>
/// Turns the command's path arguments into documents, warnings and failures, lazily and in a deterministic
/// order: arguments in the order given; a folder's files in ordinal order of relative path; dataset rows in
/// file order. Nothing is read until the enumeration reaches it, and JSONL/CSV rows stream one at a time.
/// </summary>
/// <remarks>
/// Enumerate it on one thread; the consumer may analyze the documents in parallel. Standard input comes in as a
/// <see cref="TextReader"/> so the library never touches the console; a <see cref="CheckedUtf8Reader"/> there
/// lets invalid UTF-8 on stdin be reported as it is for files.
/// </remarks>
internal sealed class DocumentSource
{
    /// <summary>The path argument and document id that stand for standard input.</summary>
    public const string StdinPath = "-";

    private readonly SourceOptions _options;
    private readonly TextReader _stdin;
    private readonly FileFilter _filter;
    private long _bytesRead;

    /// <param name="options">Filters, formats, field names and the size limit.</param>
    /// <param name="stdin">Read when there are no paths or a path is <c>-</c>.</param>
    /// <param name="budget">Bounds the text read ahead of the writer (see <see cref="DocumentBudget"/>); null for none.</param>
    public DocumentSource(SourceOptions options, TextReader stdin, DocumentBudget? budget = null)
    {
        Budget = budget;
        _options = options;
        _stdin = stdin;
        _filter = new FileFilter(options.Include, options.Exclude);
    }

    /// <summary>The paths among <paramref name="paths"/> that are neither a file, a folder nor <c>-</c>; call before writing any output.</summary>
    public static IReadOnlyList<string> FindMissing(IEnumerable<string> paths) =>
        [.. paths.Where(path => path != StdinPath && !File.Exists(path) && !Directory.Exists(path))];

    /// <summary>Why the path arguments of <paramref name="command"/> cannot be read, as one line, or null: a missing
    /// one that looks like an option (<c>-q</c> after <c>--</c>, a misspelt flag) is named as an unknown option.</summary>
    public static string? Problem(IReadOnlyList<string> paths, string command)
    {
        var missing = FindMissing(paths);
        if (missing.FirstOrDefault(path => path.StartsWith('-')) is { } option) return $"unknown option '{DiagnosticText.Escape(option)}' (see 'extractor {command} --help')";
        return missing.Count > 0 ? $"{DiagnosticText.Escape(missing[0])}: no such file or folder" : null;
    }

    /// <summary>
    /// What is known of a run over <paramref name="paths"/> before reading it, for a progress line: how many documents
    /// and failures <see cref="Read"/> will give (one per file), or else, when a JSONL or CSV dataset is among them
    /// (rows unknown until read), the files' total size to measure <see cref="BytesRead"/> against. Neither with
    /// standard input. Lists each folder once, a second walk of the tree besides the one <see cref="Read"/> makes.
    /// </summary>
    public InputSize Measure(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0 || paths.Contains(StdinPath))
        {
            return new InputSize(null, null);
        }
        var files = paths
            .SelectMany(path => Directory.Exists(path)
                ? FolderWalker.List(path, _filter, _options.FollowLinks).Files.Select(relative => Path.Join(path, relative))
                : [path])
            .ToList();
        // Sizes only when they are needed: a stat per file is not free on a folder of a hundred thousand.
        if (files.Any(IsDataset)) return new InputSize(null, files.Sum(SizeOf));
        if (_options.Shard is { } shard)
        {
            var ids = paths.SelectMany(path => Directory.Exists(path) ? FolderWalker.List(path, _filter, _options.FollowLinks).Files : [path]);
            return new InputSize(ids.Count(shard.Owns), null);
        }
        return new InputSize(files.Count, null);
    }

    /// <summary>
    /// Bytes of the input files read so far: whole files once read, a JSONL or CSV dataset up to where its reader
    /// has got. Updated as the enumeration of <see cref="Read"/> goes; safe to read from another thread.
    /// </summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private bool IsDataset(string path) => InputFormats.Resolve(_options.Format, path) is InputFormat.Jsonl or InputFormat.Csv;

    /// <summary>Every item from <paramref name="paths"/>; no paths reads one document from standard input.</summary>
    public IEnumerable<SourceItem> Read(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return Guarded(StdinPath, ReadStdin()).Select(Hold);
        var qualified = Qualified(paths);
        return paths.SelectMany(path => Guarded(path, ReadPath(path, qualified.Contains(path)))).Select(Hold);
    }

    /// <summary>
    /// The folder arguments whose documents keep the folder in their id (<c>a/x.txt</c> rather than <c>x.txt</c>):
    /// those with a file whose relative path is also the id of another argument's document (<c>extract a/ b/</c>
    /// where both hold <c>x.txt</c>). Ids must be unique for the rows to be told apart and for sharding; an id
    /// depends on the arguments of the run, never on which documents a shard reads.
    /// </summary>
    private HashSet<string> Qualified(IReadOnlyList<string> paths)
    {
        var qualified = new HashSet<string>(StringComparer.Ordinal);
        if (paths.Count < 2 || !paths.Any(Directory.Exists)) return qualified;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var ids = Directory.Exists(path) ? FolderWalker.List(path, _filter, _options.FollowLinks).Files : [path];
            foreach (var id in ids)
            {
                if (!owners.TryAdd(id, path) && owners[id] != path)
                {
                    if (Directory.Exists(path)) qualified.Add(path);
                    if (Directory.Exists(owners[id])) qualified.Add(owners[id]);
                }
            }
        }
        return qualified;
    }

    /// <summary>The budget documents are held in until their records are written; null when the run has none.</summary>
    public DocumentBudget? Budget { get; }

    /// <summary>A document not held yet (a dataset row, standard input) takes its room in the budget as it is read.</summary>
    private SourceItem Hold(SourceItem item)
    {
        if (Budget is null || item is not SourceDocument { Reserved: 0 } document) return item;
        // Made before the room is taken: out of memory here must not leave room held that nothing gives back.
        var held = document with { Reserved = document.Length };
        Budget.Acquire(held.Reserved);
        return held;
    }

    /// <summary>
    /// The items of one input, ending that input, and only it, with a failure if its reader throws what it
    /// should have reported (a bug on hostile input): the other inputs of the batch are still read.
    /// </summary>
    private static IEnumerable<SourceItem> Guarded(string path, IEnumerable<SourceItem> items)
    {
        using var each = items.GetEnumerator();
        while (true)
        {
            SourceItem item;
            bool broken = false;
            try
            {
                if (!each.MoveNext()) yield break;
                item = each.Current;
            }
            catch (OutOfMemoryException)
            {
                item = new SourceFailure(path, MemoryShortage.Reason("read it", advice: "the rest of this input is skipped; split it, or run with more memory"));
                broken = true;
            }
            catch (Exception e)
            {
                item = new SourceFailure(path, $"internal error while reading ({e.GetType().Name}: {e.Message}); the rest of this input is skipped");
                broken = true;
            }
            yield return item;
            if (broken) yield break;
        }
    }

    private IEnumerable<SourceItem> ReadPath(string path, bool qualified)
    {
        if (path == StdinPath)
        {
            return ReadStdin();
        }
        if (Directory.Exists(path))
        {
            return ReadFolder(path, qualified);
        }
        return File.Exists(path) ? ReadFile(path, path) : [new SourceFailure(path, "not found")];
    }

    private IEnumerable<SourceItem> ReadFolder(string folder, bool qualified)
    {
        var listing = FolderWalker.List(folder, _filter, _options.FollowLinks);
        int next = 0;
        if (listing.Files.Count == 0)
        {
            foreach (var (_, problem) in listing.Problems)
            {
                if (Owns(problem)) yield return problem;
            }
            if (Owns(folder)) yield return new SourceWarning(folder, "no matching files");
            yield break;
        }
        foreach (var relative in listing.Files)
        {
            // Problems in their place in the walk's order: a loop under z/ is reported after a.txt, not before it.
            for (; next < listing.Problems.Count && string.CompareOrdinal(listing.Problems[next].Relative, relative) < 0; next++)
            {
                if (Owns(listing.Problems[next].Problem)) yield return listing.Problems[next].Problem;
            }
            var file = Path.Join(folder, relative);
            foreach (var item in Guarded(file, ReadFile(file, qualified ? file : relative)))
            {
                yield return item;
            }
        }
        for (; next < listing.Problems.Count; next++)
        {
            if (Owns(listing.Problems[next].Problem)) yield return listing.Problems[next].Problem;
        }
    }

    /// <param name="shown">The path to open and to name in messages.</param>
    /// <param name="id">The document id (or row-id prefix).</param>
    private IEnumerable<SourceItem> ReadFile(string shown, string id)
    {
        switch (InputFormats.Resolve(_options.Format, shown))
        {
            case InputFormat.Jsonl:
                return OpenThen(shown, text => JsonlDocumentReader.Read(text, id, shown, _options).Where(Owns));
            case InputFormat.Csv:
                return OpenThen(shown, text => CsvDocumentReader.Read(text, id, shown, _options).Where(Owns));
            case var format:
                // Decided by the id before the file is opened: another shard's file costs nothing here.
                return Owns(id) ? ReadWholeFile(shown, id, format == InputFormat.Html) : [];
        }
    }

    /// <summary>Whether this run's shard owns <paramref name="id"/>; always true without <c>--shard</c>.</summary>
    private bool Owns(string id) => _options.Shard is not { } shard || shard.Owns(id);

    /// <summary>Whether this run's shard reports <paramref name="item"/>: a document by its id, a warning or failure
    /// (a malformed row, an unreadable dataset or folder) by what it names, so that exactly one shard reports each.</summary>
    private bool Owns(SourceItem item) => item switch
    {
        SourceDocument d => Owns(d.Id),
        SourceWarning w => Owns(w.Where),
        SourceFailure f => Owns(f.Where),
        _ => true,
    };

    private IEnumerable<SourceItem> OpenThen(string shown, Func<TextReader, IEnumerable<SourceItem>> read)
    {
        long before = BytesRead;
        var stream = InputFiles.TryOpen(shown, out var reason);
        if (stream is null)
        {
            Interlocked.Exchange(ref _bytesRead, before + SizeOf(shown));
            if (Owns(shown)) yield return new SourceFailure(shown, reason);
            yield break;
        }
        using (var text = new CheckedUtf8Reader(stream))
        {
            foreach (var item in read(text))
            {
                // Where the reader has got in the file, read-ahead included: close enough to tell the rows' progress.
                if (stream.CanSeek)
                {
                    Interlocked.Exchange(ref _bytesRead, before + stream.Position);
                }
                yield return item;
            }
        }
        Interlocked.Exchange(ref _bytesRead, before + SizeOf(shown));
    }

    private IEnumerable<SourceItem> ReadWholeFile(string shown, string id, bool html)
    {
        // Room is taken before the file is read, by its size (never fewer bytes than characters), so a large file
        // waits for the documents ahead of it to be written instead of sitting in memory beside them.
        long hold = Budget is null ? 0 : Math.Max(1, Math.Min(SizeOf(shown), _options.MaxDocumentSize));
        Budget?.Acquire(hold);
        var decoded = ReadAndDecode(shown, compact: !html, out var reason);
        if (decoded.Text is null || decoded.IsBinary)
        {
            Budget?.Release(hold);
            yield return new SourceFailure(shown, decoded.IsBinary ? "not text" : reason);
            yield break;
        }
        if (decoded.FirstInvalidByte >= 0)
        {
            yield return new SourceWarning(shown, $"invalid UTF-8 at byte {decoded.FirstInvalidByte}; decoded with U+FFFD replacement characters");
        }
        if (decoded.Compact is { } compact)
        {
            yield return SourceDocument.Of(id, compact) with { Reserved = hold };
            yield break;
        }
        var text = html ? VisibleText(decoded.Text, hold, out reason) : decoded.Text;
        if (text is null)
        {
            Budget?.Release(hold);
            yield return new SourceFailure(shown, reason);
            yield break;
        }
        var document = SourceDocument.Of(id, text) with { Reserved = hold };
        // The iterator keeps its locals while it waits to go on (for the next file's room, say): the string of a long
        // document must not stay alive beside its compact copy.
        (text, decoded) = (null, default);
        yield return document;
    }

    /// <summary>A page's visible text, or null when parsing it needs more memory than is left. The file's room in the
    /// budget is given back before any other exception leaves (a bug, which <see cref="Guarded"/> reports): kept, it
    /// would make every later file wait for room that never comes.</summary>
    private string? VisibleText(string page, long hold, out string reason)
    {
        reason = "";
        try
        {
            return HtmlTextExtractor.Extract(page);
        }
        catch (OutOfMemoryException)
        {
            reason = MemoryShortage.Reason("read it");
            return null;
        }
        catch
        {
            Budget?.Release(hold);
            throw;
        }
    }

    /// <summary>The file's text, or no text and why: unreadable, too large, or more than the memory left (its room in
    /// the budget must then be given back, which an exception thrown through the caller would not do).</summary>
    private DecodedText ReadAndDecode(string shown, bool compact, out string reason)
    {
        try
        {
            var bytes = InputFiles.TryReadAll(shown, _options.MaxDocumentSize, out reason);
            Interlocked.Add(ref _bytesRead, bytes?.Length ?? SizeOf(shown));
            return bytes is null ? default : compact ? TextDecoder.DecodeCompact(bytes) : TextDecoder.Decode(bytes);
        }
        catch (OutOfMemoryException)
        {
            reason = MemoryShortage.Reason("read it");
            return default;
        }
    }

    /// <summary>Standard input as one document, or as rows when the format is forced to JSONL or CSV; read only when enumerated.</summary>
    private IEnumerable<SourceItem> ReadStdin()
    {
        var rows = _options.Format switch
        {
            InputFormat.Jsonl => JsonlDocumentReader.Read(_stdin, StdinPath, StdinPath, _options),
            InputFormat.Csv => CsvDocumentReader.Read(_stdin, StdinPath, StdinPath, _options),
            _ => null,
        };
        if (rows is not null)
        {
            foreach (var row in rows.Where(Owns))
            {
                yield return row;
            }
            yield break;
        }
        if (!Owns(StdinPath)) yield break;
        var text = TryReadStdin(out var reason);
        // Bytes that a file would be refused for are refused on standard input too (random bytes gave PERSON rows).
        if (text is not null && TextDecoder.LooksBinary(text))
        {
            yield return new SourceFailure(StdinPath, "not text");
            yield break;
        }
        if (text is not null && CheckedUtf8Reader.ForInput(_stdin, StdinPath, reported: false) is { } replaced)
        {
            yield return replaced;
        }
        SourceItem read = text is null
            ? new SourceFailure(StdinPath, reason)
            : SourceDocument.Of(StdinPath, _options.Format == InputFormat.Html ? HtmlTextExtractor.Extract(text) : text);
        text = null;
        yield return read;
    }

    /// <summary>All of standard input, or null with a reason: too large, or unreadable (<c>&lt; folder/</c> gives EISDIR).</summary>
    private string? TryReadStdin(out string reason)
    {
        try
        {
            var text = InputFiles.ReadBounded(_stdin, _options.MaxDocumentSize);
            reason = text is null ? InputFiles.TooLarge(_options.MaxDocumentSize) : "";
            return text;
        }
        catch (Exception exception) when (InputFiles.Describe(exception) is { } described)
        {
            reason = described;
            return null;
        }
    }
}
