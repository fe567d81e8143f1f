namespace Extractor.IO.StandardStreams;

/// <summary>Standard input that was closed when the process started: every read fails with a message that says so, instead of waiting forever.</summary>
internal sealed class ClosedInputReader : TextReader
{
    private const string Message = "standard input is closed";

    public override int Peek() => throw new IOException(Message);
    public override int Read() => throw new IOException(Message);
    public override int Read(char[] buffer, int index, int count) => throw new IOException(Message);
    public override int Read(Span<char> buffer) => throw new IOException(Message);
    public override string? ReadLine() => throw new IOException(Message);
    public override string ReadToEnd() => throw new IOException(Message);
}
