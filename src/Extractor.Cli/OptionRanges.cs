using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using Extractor.IO.Sources;

namespace Extractor.Cli;

/// <summary>
/// Numeric options parsed and range-checked in one step, so every bad value (<c>-j abc</c>, <c>-j 99999999999</c>,
/// <c>--min-score NaN</c>, <c>--max-document-size 1.5</c>) is a one-line usage error (exit 2), never an exception.
/// </summary>
/// <remarks>A validator that reads the converted value throws when conversion itself failed; a custom parser sees the
/// token and reports either problem through the parse result, which <see cref="CliApp.Run"/> turns into exit 2.</remarks>
internal static class OptionRanges
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Within(this Option<int> option, int min, int max)
    {
        option.CustomParser = r => (int)Parse(r, option.Name, min, max, bytes: false);
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or unset.</summary>
    public static Option<int?> Within(this Option<int?> option, int min, int max)
    {
        option.CustomParser = r => (int)Parse(r, option.Name, min, max, bytes: false);
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; with <paramref name="bytes"/>, a K, M or G suffix multiplies by 1024, 1024² or 1024³.</summary>
    public static Option<long> Within(this Option<long> option, long min, long max, bool bytes = false)
    {
        option.CustomParser = r => Parse(r, option.Name, min, max, bytes);
        return option;
    }

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/> (NaN and infinities refused).</summary>
    public static Option<float> Within(this Option<float> option, float min, float max)
    {
        option.CustomParser = r => Real(r, option.Name, min, max) ?? default;
        return option;
    }

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>, or unset: a gate given NaN or -5
    /// could never fail, so such a value is a usage error rather than a check that always passes.</summary>
    public static Option<double?> Within(this Option<double?> option, double min, double max)
    {
        option.CustomParser = r => Real(r, option.Name, min, max);
        return option;
    }

    /// <summary><c>--shard K/N</c>: this worker's part of the input set; a bad value is a usage error.</summary>
    public static Option<Shard?> ShardOption() => new("--shard")
    {
        Description = "Process only part K of N of the documents, K from 0 (by a stable hash of the document id; see docs/distributed.md)",
        CustomParser = r => Shard.TryParse(Token(r), out var shard, out var error) ? shard : Fail<Shard?>(r, "--shard: " + error),
    };

    private static T? Fail<T>(ArgumentResult r, string error)
    {
        r.AddError(error);
        return default;
    }

    private static long Parse(ArgumentResult r, string name, long min, long max, bool bytes)
    {
        var token = Token(r);
        var digits = token.AsSpan();
        long unit = 1;
        if (bytes && digits.Length > 1)
        {
            unit = char.ToUpperInvariant(digits[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1 };
            if (unit > 1) digits = digits[..^1];
        }
        if (long.TryParse(digits, min < 0 ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value <= max / unit && value * unit >= min && value * unit <= max)
            return value * unit;
        string range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        r.AddError($"{name}: '{token}' is not a whole number {range}{(bytes ? " (bytes; K, M or G suffix allowed)" : "")}");
        return min;
    }

    private static T? Real<T>(ArgumentResult r, string name, T min, T max) where T : struct, IFloatingPoint<T>
    {
        var token = Token(r);
        if (T.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && T.IsFinite(value) && value >= min && value <= max)
            return value;
        r.AddError($"{name}: '{token}' is not a number from {min.ToString(null, CultureInfo.InvariantCulture)} to {max.ToString(null, CultureInfo.InvariantCulture)}");
        return null;
    }

    private static string Token(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
}
