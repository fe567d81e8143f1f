using Extractor.IO.Sources;
using Extractor.Knowledge;
using Extractor.Text;

namespace Extractor.IO.UserLexicons;

/// <summary>Loads the user lexicons named by <c>--lexicon FILE</c> (format: <see cref="UserLexicon"/>).</summary>
public static class UserLexiconFiles
{
    /// <summary>One lexicon from all <paramref name="paths"/>, read in order; null when none is given.</summary>
    /// <exception cref="InvalidDataException">A file is missing, unreadable or has a malformed line; the message is one
    /// line naming the file (and the line).</exception>
    public static UserLexicon? Load(IReadOnlyList<string>? paths)
    {
        if (paths is null || paths.Count == 0) return null;
        try
        {
            return UserLexicon.Read(Open(paths), CountryTable.Default);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"lexicon: cannot read ({e.Message})");
        }
    }

    /// <summary>As <see cref="Load"/>, on a thread of its own: a lexicon that is a named pipe with no writer yet
    /// (<c>--lexicon &lt;(...)</c>) must not hold the caller past <paramref name="cancel"/> (Ctrl-C, SIGTERM), and
    /// open(2) on a FIFO waits and cannot be cancelled from inside.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was signalled before the files were read.</exception>
    public static Task<UserLexicon?> LoadAsync(IReadOnlyList<string>? paths, CancellationToken cancel) =>
        paths is null || paths.Count == 0 ? Task.FromResult<UserLexicon?>(null) : Task.Run(() => Load(paths), CancellationToken.None).WaitAsync(cancel);

    /// <summary>Opens each file as it is reached and closes it before the next.</summary>
    private static IEnumerable<(string Name, TextReader Reader)> Open(IReadOnlyList<string> paths)
    {
        foreach (string path in paths)
        {
            string shown = DiagnosticText.Escape(path);
            if (Directory.Exists(path)) throw new InvalidDataException($"{shown}: is a folder, not a lexicon file");
            if (!File.Exists(path)) throw new InvalidDataException($"{shown}: no such lexicon file");
            // Strict: a Latin-1 'Caf\xe9' would otherwise load as 'Caf\uFFFD' and never match.
            using var reader = new StringReader(StrictText.ReadFile(path, shown));
            (string, TextReader) source = (shown, reader);
            yield return source;
        }
    }
}
