namespace Extractor.IO.Sources;

/// <summary>The files a folder argument yields, sorted, and the problems met on the way.</summary>
/// <param name="Files">Paths relative to the folder, forward slashes, in ordinal order.</param>
/// <param name="Problems">Unreadable folders and symbolic-link loops, in the order met.</param>
internal sealed record FolderListing(IReadOnlyList<string> Files, IReadOnlyList<SourceItem> Problems);

/// <summary>
/// Lists a folder recursively. Folder symbolic links are followed unless they lead back to a folder on the
/// current path (a loop), which is reported once per link as a failure (like <c>find -L</c>, so the exit
/// code says the folder is not as expected) and not entered, so the walk always ends.
/// </summary>
/// <remarks>
/// The whole listing is collected and then sorted by relative path, so the order is the ordinal order of
/// paths ("a-b/x" before "a/x"), not a per-folder depth-first order; it holds paths only, never contents.
/// </remarks>
internal static class FolderWalker
{
    public static FolderListing List(string folder, FileFilter filter)
    {
        var files = new List<string>();
        var problems = new List<SourceItem>();
        var root = new DirectoryInfo(folder);
        var real = RealPath(root);
        var ancestors = new HashSet<string>(StringComparer.Ordinal) { real };
        Walk(root, real, "", folder, filter, ancestors, files, problems);
        files.Sort(StringComparer.Ordinal);
        return new FolderListing(files, problems);
    }

    private static void Walk(
        DirectoryInfo directory, string real, string relative, string shown, FileFilter filter,
        HashSet<string> ancestors, List<string> files, List<SourceItem> problems)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add(new SourceFailure(shown, "permission denied"));
            return;
        }
        catch (IOException exception)
        {
            problems.Add(new SourceFailure(shown, exception.Message));
            return;
        }
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (entry is not DirectoryInfo child)
            {
                if (filter.IncludesFile(path))
                {
                    files.Add(path);
                }
                continue;
            }
            if (!filter.EntersFolder(path))
            {
                continue;
            }
            var shownChild = Path.Join(shown, entry.Name);
            // Only a link can lead back up; a plain child's real path extends its parent's.
            var childReal = child.LinkTarget is null ? Path.Join(real, child.Name) : RealPath(child);
            if (!ancestors.Add(childReal))
            {
                problems.Add(new SourceFailure(shownChild, "symbolic link loop, not followed"));
                continue;
            }
            Walk(child, childReal, path, shownChild, filter, ancestors, files, problems);
            ancestors.Remove(childReal);
        }
    }

    /// <summary>The folder's path with its own symbolic links resolved (a link's target, followed to the end).</summary>
    private static string RealPath(DirectoryInfo directory)
    {
        try
        {
            var target = directory.LinkTarget is null ? null : directory.ResolveLinkTarget(returnFinalTarget: true);
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath((target ?? directory).FullName));
        }
        catch (IOException)
        {
            return Path.TrimEndingDirectorySeparator(directory.FullName);
        }
    }
}
