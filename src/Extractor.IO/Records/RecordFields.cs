using System.Globalization;

namespace Extractor.IO.Records;

/// <summary>How field values are spelled in every output format, so CSV and JSON agree to the character.</summary>
internal static class RecordFields
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

    /// <summary>Characters that make a spreadsheet treat a cell as a formula (OWASP's list).</summary>
    private const string InjectionCharacters = "=+-@\t\r";

    /// <summary>The full-width forms of = + - @, which spreadsheets with East Asian input read as the ASCII ones.</summary>
    private const string FullWidthInjectionCharacters = "\uFF1D\uFF0B\uFF0D\uFF20";

    /// <summary>Whether the cell starts with a formula character, after any spaces a spreadsheet trims (<c>" =1+1"</c>),
    /// in ASCII or full width: what the CSV/TSV writers escape and the corpus table reader unescapes.</summary>
    public static bool StartsLikeFormula(string field)
    {
        int i = 0;
        while (i < field.Length && field[i] is ' ' or '\u00A0' or '\u3000') i++;
        return i < field.Length && (InjectionCharacters.Contains(field[i]) || FullWidthInjectionCharacters.Contains(field[i]));
    }
}
