using Extractor.IO.FileSystem;

namespace Extractor.IO.Sources;

/// <summary>The files a folder argument yields, sorted, and the problems met on the way.</summary>
/// <param name="Files">Paths relative to the folder, forward slashes, in ordinal order.</param>
/// <param name="Problems">Unreadable folders, symbolic-link loops and special files (FIFOs, devices, sockets), each with
/// the relative path it concerns, in the same ordinal order, so they can be reported in their place among the files.</param>
internal sealed record FolderListing(IReadOnlyList<string> Files, IReadOnlyList<(string Relative, SourceItem Problem)> Problems);

/// <summary>
/// Lists a folder recursively. Symbolic links that stay inside the folder are followed unless they lead back to a
/// folder on the current path (a loop), which is reported once per link as a failure (like <c>find -L</c>, so the
/// exit code says the folder is not as expected) and not entered, so the walk always ends. A link that leads out of
/// the folder (<c>ln -s /etc d/etc</c>) is followed only when asked (<c>--follow</c>, as <c>grep -R</c> and
/// <c>rg -L</c> do); otherwise it is a warning, so a folder cannot make the tool read files the user never named.
/// </summary>
/// <remarks>
/// The whole listing is collected and then sorted by relative path, so the order is the ordinal order of
/// paths ("a-b/x" before "a/x"), not a per-folder depth-first order; it holds paths only, never contents.
/// </remarks>
internal static class FolderWalker
{
    public static FolderListing List(string folder, FileFilter filter, bool followOutside = false)
    {
        var files = new List<string>();
        var problems = new List<(string, SourceItem)>();
        var root = new DirectoryInfo(folder);
        var real = RealPath(root);
        var ancestors = new HashSet<string>(StringComparer.Ordinal) { real };
        var walk = new Walker(filter, followOutside ? null : real, files, problems);
        walk.Walk(root, real, "", folder, ancestors);
        files.Sort(StringComparer.Ordinal);
        problems.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new FolderListing(files, problems);
    }

    /// <summary>One walk's settings and findings.</summary>
    /// <param name="Filter">Which files and folders are taken.</param>
    /// <param name="Inside">The root's real path when links out of it are not followed, else null.</param>
    /// <param name="Files">The relative paths found.</param>
    /// <param name="Problems">Loops, unreadable folders, special files and links out of the folder, by relative path.</param>
    private sealed record Walker(FileFilter Filter, string? Inside, List<string> Files, List<(string, SourceItem)> Problems)
    {
        public void Walk(DirectoryInfo directory, string real, string relative, string shown, HashSet<string> ancestors)
        {
            var filter = Filter;
            var files = Files;
            var problems = Problems;
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
                    if (!filter.IncludesFile(path) || LeavesFolder(entry, path, Path.Join(shown, entry.Name)))
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
                if (child.LinkTarget is not null && Inside is not null && !IsUnder(childReal, Inside))
                {
                    problems.Add((path, new SourceWarning(shownChild, $"symbolic link out of the folder (to {childReal}), not followed; use --follow to read it")));
                    continue;
                }
                if (!ancestors.Add(childReal))
                {
                    problems.Add((path, new SourceFailure(shownChild, "symbolic link loop, not followed")));
                    continue;
                }
                Walk(child, childReal, path, shownChild, ancestors);
                ancestors.Remove(childReal);
            }
        }

        /// <summary>A file link that leads out of the folder when such links are not followed: reported, not read.</summary>
        private bool LeavesFolder(FileSystemInfo entry, string path, string shown)
        {
            if (Inside is null || entry.LinkTarget is null) return false;
            string target;
            try
            {
                target = Path.GetFullPath((entry.ResolveLinkTarget(returnFinalTarget: true) ?? entry).FullName);
            }
            catch (IOException)
            {
                return false; // A dangling link or a loop of file links: reading it reports that, as before.
            }
            if (IsUnder(target, Inside)) return false;
            Problems.Add((path, new SourceWarning(shown, $"symbolic link out of the folder (to {target}), not followed; use --follow to read it")));
            return true;
        }

        /// <summary>The folder itself (a link back to the root is a loop, reported as one) or anything below it.</summary>
        private static bool IsUnder(string path, string folder) =>
            folder == "/" || path == folder
            || (path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/');
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
