using System.Text;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>The record-boundary buffering shared by every format: subclasses write into <see cref="Buffer"/>.</summary>
internal abstract class BufferedRecordWriter<T> : IRecordWriter<T> where T : IOutputRecord
{
    /// <summary>Past this many buffered characters, a record boundary also flushes, bounding memory on huge documents.</summary>
    private const int FlushThreshold = 64 * 1024;

    private readonly TextWriter output;
    private readonly StringBuilder pending = new();
    private bool started;
    private bool completed;

    protected BufferedRecordWriter(TextWriter output)
    {
        this.output = output;
        Buffer = new StringWriter(pending) { NewLine = "\n" };
    }

    protected RecordSchema<T> Schema => RecordSchema<T>.Instance;

    /// <summary>Where subclasses write; its contents reach the output only whole.</summary>
    protected StringWriter Buffer { get; }

    public void Write(T record)
    {
        if (completed)
        {
            throw new InvalidOperationException("The writer is complete; no more records can be written.");
        }
        if (!started)
        {
            WriteStart();
            started = true;
        }
        WriteRecord(record);
        MoveToBuffer();
        if (pending.Length >= FlushThreshold)
        {
            Flush();
        }
    }

    public void Flush()
    {
        MoveToBuffer();
        if (pending.Length > 0)
        {
            foreach (var chunk in pending.GetChunks()) output.Write(chunk.Span);
            pending.Clear();
        }
        output.Flush();
    }

    public void Complete()
    {
        if (completed)
        {
            return;
        }
        WriteEnd(started);
        started = true;
        completed = true;
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
