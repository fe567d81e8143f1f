using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Extractor.Calibration;

/// <summary>Mention records as ML.NET rows: the transformed evidence vector and the label.</summary>
internal static class Rows
{
    public sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public sealed class Scored
    {
        public float Score { get; set; }

        public float Probability { get; set; }
    }

    public static Row Of(FoldMention r) => new() { Features = Methods.Transformed(r), Label = r.Right };

    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, MentionEvidence.Count);
        return schema;
    }

    public static IDataView View(MLContext ml, IEnumerable<FoldMention> records) =>
        ml.Data.LoadFromEnumerable(records.Select(Of).ToList(), Schema());
}
