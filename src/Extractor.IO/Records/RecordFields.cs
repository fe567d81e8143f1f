using System.Globalization;

namespace Extractor.IO.Records;

/// <summary>How field values are spelled in every output format, so CSV and JSON agree to the character.</summary>
public static class RecordFields
{
    /// <summary>Separator between aliases in the <c>aliases</c> column.</summary>
    public const char AliasSeparator = '|';

    /// <summary>Number of decimals a score keeps.</summary>
    public const int ScoreDecimals = 4;

    /// <summary>A score rounded to <see cref="ScoreDecimals"/> decimals, as the double whose shortest spelling is that rounding.</summary>
    /// <remarks>Rounding in double after widening keeps <c>0.9731f</c> as <c>0.9731</c> rather than <c>0.97310001</c>.</remarks>
    public static double RoundScore(float score) => Math.Round((double)score, ScoreDecimals, MidpointRounding.AwayFromZero);

    /// <summary>A score in invariant culture with at most four decimals and no trailing zeros: <c>0.9731</c>, <c>1</c>.</summary>
    public static string FormatScore(float score) => RoundScore(score).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Joins aliases in the given order with <see cref="AliasSeparator"/>.</summary>
    public static string JoinAliases(IEnumerable<string> aliases) => string.Join(AliasSeparator, aliases);
}
