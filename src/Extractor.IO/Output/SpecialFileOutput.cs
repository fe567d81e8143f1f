using System.Text;

namespace Extractor.IO.Output;

/// <summary>An <c>-o</c> target that is not a regular file (<c>/dev/null</c>, a terminal, a named pipe): written in place, since renaming over it would replace the device with a file.</summary>
internal sealed class SpecialFileOutput : IOutputFile
{
    private readonly StreamWriter _writer;

    /// <summary>Opens <paramref name="path"/> for writing as it is, without truncating or replacing it.</summary>
    public SpecialFileOutput(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
    }

    /// <inheritdoc/>
    public TextWriter Writer => _writer;

    /// <inheritdoc/>
    public Stream Bytes => _writer.BaseStream;

    /// <inheritdoc/>
    public void Commit() => _writer.Flush();

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // Reported by Commit when it matters; an interrupted run closes what it can.
        }
    }
}
