namespace Extractor.Training;

/// <summary>A CoNLL file that cannot be read, with the line that broke it.</summary>
internal sealed class ConllFormatException(string where, int line, string reason)
    : Exception($"{where}:{line}: {reason}")
{
    /// <summary>1-based line number.</summary>
    public int Line { get; } = line;
}
