namespace Extractor.IO.Sources;

/// <summary>
/// Decides which files inside a folder argument are read. A glob without <c>/</c> matches the file (or folder)
/// name at any depth, like .gitignore; a glob with <c>/</c> matches the whole path relative to the folder.
/// </summary>
internal sealed class FileFilter
{
    /// <summary>What folders yield when no include is given: text, Markdown and HTML (not datasets).</summary>
    public static IReadOnlyList<string> DefaultIncludes { get; } = ["*.txt", "*.md", "*.html", "*.htm"];

    private readonly Glob[] _includes;
    private readonly Glob[] _excludes;

    /// <summary>A filter from include and exclude globs; no includes means <see cref="DefaultIncludes"/>.</summary>
    public FileFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        _includes = [.. (include.Count == 0 ? DefaultIncludes : include).Select(Glob.Parse)];
        _excludes = [.. exclude.Select(Glob.Parse)];
    }

    /// <summary>Whether the file at <paramref name="relativePath"/> (forward slashes) is read.</summary>
    public bool IncludesFile(string relativePath) =>
        AnyMatch(_includes, relativePath) && !AnyMatch(_excludes, relativePath);

    /// <summary>Whether the folder at <paramref name="relativePath"/> is walked: false when an exclude names it.</summary>
    public bool EntersFolder(string relativePath) => !AnyMatch(_excludes, relativePath);

    private static bool AnyMatch(Glob[] globs, string relativePath)
    {
        var name = relativePath.AsSpan(relativePath.LastIndexOf('/') + 1);
        foreach (var glob in globs)
        {
            if (glob.IsMatch(glob.HasSlash ? relativePath : name))
            {
                return true;
            }
        }
        return false;
    }
}
