using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>Writes records of one type to a <see cref="TextWriter"/> in one format, whole records at a time.</summary>
/// <remarks>
/// Records are buffered and reach the underlying writer only at record boundaries (on <see cref="Flush"/>,
/// or when the buffer grows large), so a reader of the output never sees half a row. The writer does not own
/// the <see cref="TextWriter"/> and never closes it.
/// </remarks>
public interface IRecordWriter<in T> where T : IOutputRecord
{
    /// <summary>Adds one record (and the header or opening bracket before the first).</summary>
    void Write(T record);

    /// <summary>Hands every buffered record to the underlying writer and flushes it; call at document boundaries.</summary>
    void Flush();

    /// <summary>Writes what ends the output (the CSV header when no record came, JSON's closing bracket) and flushes. Call once.</summary>
    void Complete();
}
