using System.Text.Json.Serialization;

namespace Extractor.IO.Records;

/// <summary>Source-generated JSON metadata for the output records: snake_case names, no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MentionRecord))]
[JsonSerializable(typeof(EntityRecord))]
[JsonSerializable(typeof(CorpusRecord))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
