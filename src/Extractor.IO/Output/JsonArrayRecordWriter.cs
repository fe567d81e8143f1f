using System.Text.Json;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>One JSON array with one compact record per line: <c>[\n{...},\n{...}\n]\n</c>; an empty run is <c>[]\n</c>.</summary>
/// <remarks>One record per line (rather than fully pretty or fully compact) keeps the file valid JSON yet diffable and greppable.</remarks>
internal sealed class JsonArrayRecordWriter<T>(TextWriter output) : BufferedRecordWriter<T>(output) where T : IOutputRecord
{
    private bool _first = true;

    protected override void WriteStart() => Buffer.Write('[');

    protected override void WriteRecord(T record)
    {
        Buffer.Write(_first ? "\n" : ",\n");
        _first = false;
        Buffer.Write(JsonSerializer.Serialize(record, Schema.TypeInfo));
    }

    protected override void WriteEnd(bool anyWritten) => Buffer.Write(anyWritten ? "\n]\n" : "[]\n");
}
