using System.Globalization;
using System.Text;

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

    /// <summary>Joins aliases in the given order with <see cref="AliasSeparator"/> into one table cell; a <c>|</c> or
    /// <c>\</c> inside an alias is written <c>\|</c> or <c>\\</c>, so <see cref="SplitAliases"/> gives the list back.</summary>
    public static string JoinAliases(IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0) return "";
        if (!aliases.Any(a => a.AsSpan().IndexOfAny('|', '\\') >= 0)) return string.Join(AliasSeparator, aliases);
        var joined = new StringBuilder();
        foreach (var alias in aliases)
        {
            if (joined.Length > 0) joined.Append(AliasSeparator);
            foreach (char c in alias)
            {
                if (c is '|' or '\\') joined.Append('\\');
                joined.Append(c);
            }
        }
        return joined.ToString();
    }

    /// <summary>The aliases of a cell <see cref="JoinAliases"/> wrote; an empty cell is no alias.</summary>
    public static string[] SplitAliases(string cell)
    {
        if (cell.Length == 0) return [];
        if (!cell.Contains('\\')) return cell.Split(AliasSeparator);
        var aliases = new List<string>();
        var alias = new StringBuilder();
        for (int i = 0; i < cell.Length; i++)
        {
            char c = cell[i];
            if (c == '\\' && i + 1 < cell.Length) alias.Append(cell[++i]);
            else if (c == AliasSeparator) { aliases.Add(alias.ToString()); alias.Clear(); }
            else alias.Append(c);
        }
        aliases.Add(alias.ToString());
        return [.. aliases];
    }

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
