using Extractor.IO.FileSystem;

namespace Extractor.IO.Sources;

/// <summary>The files a folder argument yields, sorted, and the problems met on the way.</summary>
/// <param name="Files">Paths relative to the folder, forward slashes, in ordinal order.</param>
/// <param name="Problems">Unreadable folders, symbolic-link loops and special files (FIFOs, devices, sockets), each with
/// the relative path it concerns, in the same ordinal order, so they can be reported in their place among the files.</param>
internal sealed record FolderListing(IReadOnlyList<string> Files, IReadOnlyList<(string Relative, SourceItem Problem)> Problems);

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
        var problems = new List<(string, SourceItem)>();
        var root = new DirectoryInfo(folder);
        var real = RealPath(root);
        var ancestors = new HashSet<string>(StringComparer.Ordinal) { real };
        Walk(root, real, "", folder, filter, ancestors, files, problems);
        files.Sort(StringComparer.Ordinal);
        problems.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new FolderListing(files, problems);
    }

    private static void Walk(
        DirectoryInfo directory, string real, string relative, string shown, FileFilter filter,
        HashSet<string> ancestors, List<string> files, List<(string, SourceItem)> problems)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add((relative, new SourceFailure(shown, "permission denied")));
            return;
        }
        catch (IOException exception)
        {
            problems.Add((relative, new SourceFailure(shown, exception.Message)));
            return;
        }
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (entry is not DirectoryInfo child)
            {
                if (!filter.IncludesFile(path))
                {
                    continue;
                }
                // A FIFO would hold the batch until some writer came, and /dev/zero-like devices never end. Both
                // report a length of 0, so only such entries pay for a look at their type.
                if (entry is FileInfo { Exists: true, Length: 0 } && FileKinds.Of(entry.FullName) is var kind && kind is FileKind.Fifo or FileKind.Device or FileKind.Socket)
                {
                    problems.Add((path, new SourceFailure(Path.Join(shown, entry.Name), $"not a regular file (a {kind.ToString().ToLowerInvariant()}); skipped")));
                    continue;
                }
                files.Add(path);
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
                problems.Add((path, new SourceFailure(shownChild, "symbolic link loop, not followed")));
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
