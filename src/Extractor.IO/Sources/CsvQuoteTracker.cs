namespace Extractor.IO.Sources;

/// <summary>
/// Passes text through to the CSV parser while following its quoting, to tell whether the input ended inside a
/// quoted field. CsvHelper, like most parsers, takes the end of input as the end of an unclosed field, so
/// <c>2,"b\n3,c</c> would come back as one row holding the rest of the file, with nothing to say so.
/// </summary>
/// <remarks>The rules are RFC 4180's, as the parser applies them: a quote opens a field only at its start, a doubled
/// quote inside is a literal quote, and only outside quotes do separators and line ends count. Each character is
/// looked at once, as it passes.</remarks>
internal sealed class CsvQuoteTracker(TextReader inner, char separator) : TextReader
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private State _state = State.FieldStart;
    private long _line = 1;

    /// <summary>The line of the first field with text after its closing quote (<c>"a"b,c</c>), which RFC 4180 does not
    /// allow and parsers read differently; null while there is none.</summary>
    public long? StrayQuoteLine { get; private set; }

    /// <summary>Whether everything read so far ends inside a quoted field; meaningful once the parser has read to the end.</summary>
    public bool InsideQuotes => _state == State.Quoted;

    public override int Read(char[] buffer, int index, int count) => Track(buffer.AsSpan(index, inner.Read(buffer, index, count)));

    public override int Read(Span<char> buffer) => Track(buffer[..inner.Read(buffer)]);

    public override int Read()
    {
        int c = inner.Read();
        if (c >= 0) Step((char)c);
        return c;
    }

    public override int Peek() => inner.Peek();

    private int Track(ReadOnlySpan<char> read)
    {
        foreach (char c in read) Step(c);
        return read.Length;
    }

    private void Step(char c)
    {
        if (_state == State.QuoteInQuoted && c != '"' && c != separator && c is not ('\n' or '\r')) StrayQuoteLine ??= _line;
        if (c == '\n') _line++;
        _state = Next(c);
    }

    private State Next(char c) => _state switch
    {
        State.Quoted => c == '"' ? State.QuoteInQuoted : State.Quoted,
        State.QuoteInQuoted => c == '"' ? State.Quoted : AfterField(c),
        State.FieldStart => c == '"' ? State.Quoted : AfterField(c),
        _ => AfterField(c),
    };

    private State AfterField(char c) => c == separator || c is '\n' or '\r' ? State.FieldStart : State.Unquoted;

    protected override void Dispose(bool disposing)
    {
        // The owner of the inner reader closes it.
    }
}
