using Extractor.IO.Output;

namespace Extractor.IO.StandardStreams;

/// <summary>
/// Standard output as write(2) calls on descriptor 1, at the position it shares with the shell and the other
/// commands writing to the same file. Every failure is reported: a closed pipe as <see cref="OutputClosedException"/>,
/// anything else (a full disk, an I/O error, a closed descriptor) as <see cref="OutputFailedException"/>.
/// </summary>
/// <remarks>
/// Neither of .NET's own streams will do. A <see cref="FileStream"/> over a regular file writes with pwrite(2) at
/// offsets of its own, so <c>{ echo a; extractor …; echo b; } &gt; out</c> overwrote the shell's lines; the
/// console stream swallows EPIPE, so <c>extractor extract big/ | head</c> would process the whole corpus for nobody.
/// <see cref="Flush"/> marks a record boundary (the writers flush whole documents). When a write into a regular
/// file fails, the file is cut back to the last boundary, so a full disk leaves whole records, never half of one.
/// </remarks>
internal sealed class StandardOutputStream : Stream
{
    private const int Descriptor = 1;
    private readonly bool _closed;
    private long _boundary;

    /// <param name="closed">Descriptor 1 was closed when the process started (<c>&gt;&amp;-</c>): every write fails.</param>
    public StandardOutputStream(bool closed)
    {
        _closed = closed;
        _boundary = closed ? -1 : Libc.Position(Descriptor);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_closed) throw new OutputFailedException("standard output is closed");
        while (!buffer.IsEmpty)
        {
            nint n = Libc.Write(Descriptor, buffer, out int errno);
            if (n >= 0)
            {
                buffer = buffer[(int)n..];
                continue;
            }
            if (errno == Libc.EINTR) continue;
            if (errno == Libc.EAGAIN)
            {
                // A descriptor left non-blocking by another program sharing the terminal or pipe: wait for room.
                Thread.Sleep(1);
                continue;
            }
            if (errno == Libc.EPIPE) throw new OutputClosedException("the reader closed the pipe");
            bool cut = _boundary >= 0 && Libc.TruncateTo(Descriptor, _boundary);
            throw new OutputFailedException(Libc.Describe(errno) + (cut ? "; the file ends at the last whole record" : ""));
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Marks a record boundary: everything written so far is whole.</summary>
    public override void Flush()
    {
        if (_boundary >= 0) _boundary = Libc.Position(Descriptor);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
