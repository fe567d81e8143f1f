using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extractor.IO.Records;

/// <summary>Writes a score as a JSON number with at most four decimals, the same digits the CSV writer uses.</summary>
internal sealed class ScoreJsonConverter : JsonConverter<float>
{
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetSingle();

    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(RecordFields.RoundScore(value));
}
