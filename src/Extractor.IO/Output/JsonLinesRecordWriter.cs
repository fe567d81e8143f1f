using System.Text.Json;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>JSON Lines: one compact object per line, nothing before or after.</summary>
internal sealed class JsonLinesRecordWriter<T>(TextWriter output) : BufferedRecordWriter<T>(output) where T : IOutputRecord
{
    protected override void WriteStart()
    {
    }

    protected override void WriteRecord(T record)
    {
        Buffer.Write(JsonSerializer.Serialize(record, Schema.TypeInfo));
        Buffer.Write('\n');
    }

    protected override void WriteEnd(bool anyWritten)
    {
    }
}
