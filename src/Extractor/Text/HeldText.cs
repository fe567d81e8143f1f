namespace Extractor.Text;

/// <summary>A document's text as a record holds it: a string, or for a long document a <see cref="CompactText"/>,
/// which becomes a string only when someone asks for one.</summary>
internal readonly struct HeldText : IEquatable<HeldText>
{
    private readonly string? _text;

    public HeldText(string text) => _text = text;

    public HeldText(CompactText text) => Compact = text;

    /// <summary>The text as held for a long document, or null when it is held as a string.</summary>
    public CompactText? Compact { get; }

    /// <summary>The text; built on each call when it is held compactly.</summary>
    public string Text => Compact?.ToString() ?? _text ?? "";

    /// <summary>The text's length in UTF-16 characters, without building it.</summary>
    public int Length => Compact?.Length ?? _text?.Length ?? 0;

    /// <summary>Equal texts, however each is held (records compare their fields with it); a text let go
    /// (<see cref="CompactText.LetGo"/>) equals only itself.</summary>
    public bool Equals(HeldText other) =>
        (ReferenceEquals(Compact, other.Compact) && ReferenceEquals(_text, other._text))
        || (Length == other.Length && !IsLetGo && !other.IsLetGo && string.Equals(Text, other.Text, StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is HeldText other && Equals(other);

    public override int GetHashCode() => IsLetGo ? Length : string.GetHashCode(Text, StringComparison.Ordinal);

    private bool IsLetGo => Compact is { IsLetGo: true };
}
