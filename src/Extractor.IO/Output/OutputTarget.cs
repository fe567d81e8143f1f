using Extractor.IO.FileSystem;

namespace Extractor.IO.Output;

/// <summary>
/// Where <c>-o PATH</c> will write, checked before a run starts so that a target that cannot work stops the
/// command at once (exit 2) rather than after every document has been processed.
/// </summary>
/// <remarks>
/// A symbolic link is written through: the file it points to is replaced, and the link stays. A device, a named
/// pipe or a socket is written in place, never replaced by a regular file. A folder, an input of the same run,
/// a file the user may not write and a missing folder are refused.
/// </remarks>
public sealed class OutputTarget
{
    private OutputTarget(string given, string file, bool special, UnixFileMode? mode)
    {
        Given = given;
        File = file;
        IsSpecial = special;
        Mode = mode;
    }

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Given { get; }

    /// <summary>The file written: the path given, or the file a link at that path leads to.</summary>
    public string File { get; }

    /// <summary>Not a regular file: written in place, so an interrupted run cannot leave it as it was.</summary>
    public bool IsSpecial { get; }

    /// <summary>The permissions of the file being replaced, kept on the new one.</summary>
    public UnixFileMode? Mode { get; }

    /// <summary>Checks <paramref name="path"/> against the rules above; <paramref name="inputs"/> are the paths the run reads.</summary>
    /// <exception cref="OutputTargetException">The target cannot be written; the message says why.</exception>
    public static OutputTarget Check(string path, IEnumerable<string> inputs)
    {
        CheckName(path);
        var file = FinalTarget(path);
        var kind = FileKinds.Of(file);
        if (kind == FileKind.Folder) throw new OutputTargetException("is a folder; give a file name");
        var folder = Path.GetDirectoryName(file);
        if (folder is not null && !Directory.Exists(folder)) throw new OutputTargetException($"no such folder '{folder}'");
        foreach (var input in inputs)
        {
            // Not only existing files: two outputs of one command (evaluate's --predictions and --calibration-plot)
            // must not be one file either.
            if (input != "-" && input.Length > 0 && !input.Contains('\0') && SameFile(FinalTarget(input), file))
                throw new OutputTargetException($"is also an input ('{input}'); writing it would destroy what is being read");
        }
        if (kind == FileKind.Missing) return new OutputTarget(path, file, special: false, mode: null);
        if (kind != FileKind.Regular) return new OutputTarget(path, file, special: true, mode: null);
        CheckWritable(file);
        return new OutputTarget(path, file, special: false, OperatingSystem.IsWindows() ? null : new FileInfo(file).UnixFileMode);
    }

    /// <summary>A name the file system can take, checked here so that a run never reads all its input only to fail
    /// at the end, when the file is created.</summary>
    private static void CheckName(string path)
    {
        if (path.Length == 0) throw new OutputTargetException("an empty file name; give a file name, or - for standard output");
        if (path.Contains('\0')) throw new OutputTargetException("a file name cannot hold a NUL character");
        string name = Path.GetFileName(path);
        int bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxNameBytes) throw new OutputTargetException($"file name too long ({bytes} bytes; a file system takes at most {MaxNameBytes})");
    }

    /// <summary>The longest file name (one path component) Linux file systems and macOS take, in UTF-8 bytes.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>Opens the target: in place for a special file, else through a temporary file renamed at <see cref="IOutputFile.Commit"/>.</summary>
    public IOutputFile Open() => IsSpecial ? new SpecialFileOutput(File) : AtomicFileOutput.Create(File, Mode);

    /// <summary>The full path that <paramref name="path"/> leads to through any symbolic links (a dangling link's target, to be created).</summary>
    private static string FinalTarget(string path)
    {
        var full = Path.GetFullPath(path);
        for (int hops = 0; hops < 40; hops++)
        {
            FileSystemInfo info = new FileInfo(full);
            var link = info.LinkTarget;
            if (link is null) return full;
            full = Path.GetFullPath(link, Path.GetDirectoryName(full) ?? "/");
        }
        throw new OutputTargetException("too many levels of symbolic links");
    }

    /// <summary>One file: by device and inode where both exist (hard links, linked folders), else by full path.</summary>
    private static bool SameFile(string a, string b) =>
        FileKinds.Identity(a) is { } x && FileKinds.Identity(b) is { } y
            ? x == y
            : string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static void CheckWritable(string file)
    {
        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new OutputTargetException("permission denied");
        }
        catch (IOException e)
        {
            throw new OutputTargetException(e.Message);
        }
    }
}

/// <summary>An <c>-o</c> target that cannot be written; the message says why, without the path.</summary>
public sealed class OutputTargetException(string message) : Exception(message);
