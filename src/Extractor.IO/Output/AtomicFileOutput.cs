using System.Text;

namespace Extractor.IO.Output;

/// <summary>
/// An output file that appears whole or not at all: writes go to a hidden temporary file in the same folder
/// (<c>.NAME.tmp-RANDOM</c>), <see cref="Commit"/> renames it over the target, and disposing without a commit
/// deletes it, leaving any earlier file untouched.
/// </summary>
/// <remarks>The same folder keeps the rename on one file system, where it replaces the target in one step.
/// The replaced file's permissions carry over, so a read-only or group-shared file keeps its mode.</remarks>
internal sealed class AtomicFileOutput : IOutputFile
{
    private const int MaxNameBytes = 255;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _writer;
    private readonly UnixFileMode? _mode;
    private bool _committed;
    private bool _disposed;

    private AtomicFileOutput(string path, string tempPath, StreamWriter writer, UnixFileMode? mode)
    {
        Path = path;
        TempPath = tempPath;
        _writer = writer;
        _mode = mode;
    }

    /// <summary>The file that <see cref="Commit"/> creates or replaces.</summary>
    public string Path { get; }

    /// <summary>The temporary file being written.</summary>
    public string TempPath { get; }

    /// <inheritdoc/>
    public TextWriter Writer => _writer;

    /// <inheritdoc/>
    public Stream Bytes => _writer.BaseStream;

    /// <summary>Creates the temporary file beside <paramref name="path"/>; throws if the folder cannot be written.</summary>
    /// <param name="path">The file to create or replace (a regular file, not a link: <see cref="OutputTarget"/> resolves those).</param>
    /// <param name="mode">Permissions to give the result (the replaced file's), or null for the default.</param>
    public static AtomicFileOutput Create(string path, UnixFileMode? mode = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full) ?? ".";
        var temp = System.IO.Path.Join(folder, TempName(System.IO.Path.GetFileName(full)));
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new AtomicFileOutput(full, temp, new StreamWriter(stream, Utf8NoBom) { NewLine = "\n" }, mode);
    }

    /// <summary><c>.NAME.tmp-RANDOM</c>, with NAME shortened where the whole would pass the file system's 255-byte limit on a name.</summary>
    internal static string TempName(string name)
    {
        var suffix = $".tmp-{Guid.NewGuid():N}"[..21];
        int room = MaxNameBytes - 1 - suffix.Length;
        while (Encoding.UTF8.GetByteCount(name) > room)
            name = name[..(char.IsLowSurrogate(name[^1]) && name.Length > 1 ? name.Length - 2 : name.Length - 1)];
        return "." + name + suffix;
    }

    /// <summary>Flushes, closes and renames the temporary file onto <see cref="Path"/>, replacing any earlier file.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }
        _writer.Dispose();
        if (_mode is { } keep && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(TempPath, keep);
        }
        File.Move(TempPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Closes the file; without a <see cref="Commit"/>, deletes the temporary file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // A full disk fails the last flush too; the temporary file goes all the same.
        }
        finally
        {
            if (!_committed)
            {
                File.Delete(TempPath);
            }
        }
    }
}
