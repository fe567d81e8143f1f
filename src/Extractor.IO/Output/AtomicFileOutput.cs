using System.Text;

namespace Extractor.IO.Output;

/// <summary>
/// An output file that appears whole or not at all: writes go to a hidden temporary file in the same folder
/// (<c>.NAME.tmp-RANDOM</c>), <see cref="Commit"/> renames it over the target, and disposing without a commit
/// deletes it, leaving any earlier file untouched.
/// </summary>
/// <remarks>The same folder keeps the rename on one file system, where it replaces the target in one step.</remarks>
public sealed class AtomicFileOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter writer;
    private bool committed;
    private bool disposed;

    private AtomicFileOutput(string path, string tempPath, StreamWriter writer)
    {
        Path = path;
        TempPath = tempPath;
        this.writer = writer;
    }

    /// <summary>The file that <see cref="Commit"/> creates or replaces.</summary>
    public string Path { get; }

    /// <summary>The temporary file being written.</summary>
    public string TempPath { get; }

    /// <summary>UTF-8 without BOM, <c>\n</c> newlines.</summary>
    public TextWriter Writer => writer;

    /// <summary>Creates the temporary file beside <paramref name="path"/>; throws if the folder cannot be written.</summary>
    public static AtomicFileOutput Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full) ?? ".";
        var temp = System.IO.Path.Join(folder, $".{System.IO.Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new AtomicFileOutput(full, temp, new StreamWriter(stream, Utf8NoBom) { NewLine = "\n" });
    }

    /// <summary>Flushes, closes and renames the temporary file onto <see cref="Path"/>, replacing any earlier file.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            return;
        }
        writer.Dispose();
        File.Move(TempPath, Path, overwrite: true);
        committed = true;
    }

    /// <summary>Closes the file; without a <see cref="Commit"/>, deletes the temporary file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        writer.Dispose();
        if (!committed)
        {
            File.Delete(TempPath);
        }
    }
}
