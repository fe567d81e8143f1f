using System.Text;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>The record-boundary buffering shared by every format: subclasses write into <see cref="Buffer"/>.</summary>
internal abstract class BufferedRecordWriter<T> : IRecordWriter<T> where T : IOutputRecord
{
    /// <summary>Past this many buffered characters, a record boundary also flushes, bounding memory on huge documents.</summary>
    private const int FlushThreshold = 64 * 1024;

    private readonly TextWriter _output;
    private readonly StringBuilder _pending = new();
    private bool _started;
    private bool _completed;

    protected BufferedRecordWriter(TextWriter output)
    {
        _output = output;
        Buffer = new StringWriter(_pending) { NewLine = "\n" };
    }

    protected RecordSchema<T> Schema => RecordSchema<T>.Instance;

    /// <summary>Where subclasses write; its contents reach the output only whole.</summary>
    protected StringWriter Buffer { get; }

    public void Write(T record)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The writer is complete; no more records can be written.");
        }
        if (!_started)
        {
            WriteStart();
            _started = true;
        }
        WriteRecord(record);
        MoveToBuffer();
        if (_pending.Length >= FlushThreshold)
        {
            Flush();
        }
    }

    public void Flush()
    {
        MoveToBuffer();
        if (_pending.Length > 0)
        {
            foreach (var chunk in _pending.GetChunks()) _output.Write(chunk.Span);
            _pending.Clear();
        }
        _output.Flush();
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        WriteEnd(_started);
        _started = true;
        _completed = true;
        Flush();
    }

    /// <summary>Writes what precedes the first record (a header, an opening bracket).</summary>
    protected abstract void WriteStart();

    /// <summary>Writes one record into <see cref="Buffer"/>.</summary>
    protected abstract void WriteRecord(T record);

    /// <summary>Moves anything a subclass holds back (a CSV writer's own buffer) into <see cref="Buffer"/>.</summary>
    protected virtual void MoveToBuffer()
    {
    }

    /// <summary>Writes what ends the output; <paramref name="anyWritten"/> is false for an empty run.</summary>
    protected abstract void WriteEnd(bool anyWritten);
}
