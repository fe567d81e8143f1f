using System.Text;

namespace Extractor.IO.Sources;

/// <summary>A UTF-8 <see cref="StreamReader"/> (BOMs honoured) that replaces invalid bytes with U+FFFD and remembers that it did.</summary>
/// <remarks>
/// Streamed inputs (JSONL and CSV datasets, standard input) cannot be checked up front as whole files are, so
/// the decoder itself reports: each reader has its own encoding with its own fallback, and the flag is set the
/// moment a bad sequence is decoded.
/// </remarks>
internal sealed class CheckedUtf8Reader : StreamReader
{
    /// <summary>The warning for text that had invalid bytes replaced.</summary>
    public const string InvalidUtf8Message = "invalid UTF-8; decoded with U+FFFD replacement characters";

    private readonly RecordingFallback _fallback;

    /// <summary>Reads <paramref name="stream"/>, closing it when disposed unless <paramref name="leaveOpen"/>.</summary>
    public CheckedUtf8Reader(Stream stream, bool leaveOpen = false)
        : this(stream, new RecordingFallback(), leaveOpen)
    {
    }

    private CheckedUtf8Reader(Stream stream, RecordingFallback fallback, bool leaveOpen)
        : base(stream, Utf8With(fallback), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen)
    {
        _fallback = fallback;
    }

    /// <summary>True once any invalid UTF-8 has been decoded (and replaced) so far.</summary>
    public bool SawInvalidBytes => _fallback.Fired;

    /// <summary>True when <paramref name="reader"/> is a <see cref="CheckedUtf8Reader"/> that has replaced invalid bytes.</summary>
    public static bool HasReplaced(TextReader reader) => reader is CheckedUtf8Reader { SawInvalidBytes: true };

    /// <summary>
    /// The warning for the first row of an input whose text holds a replacement character after this reader has
    /// replaced bytes (the reader decodes ahead, so the flag alone would point at an earlier row); null otherwise.
    /// </summary>
    /// <param name="reader">The input's reader.</param>
    /// <param name="shown">The input as diagnostics name it; the warning is at <c>SHOWN:ROW</c>.</param>
    /// <param name="row">The row's number (a JSONL line, a CSV data row).</param>
    /// <param name="text">The row's decoded text, or one of its fields.</param>
    /// <param name="reported">Per input: set once the warning has been given, so a mis-encoded file warns once.</param>
    internal static SourceWarning? ForRow(TextReader reader, string shown, long row, string? text, ref bool reported) =>
        ForRow(reader, shown, row, text is not null && text.Contains('\uFFFD'), ref reported);

    /// <summary>As the other overload, for a row whose text is not held as one string (<paramref name="holdsReplacement"/>:
    /// whether it contains U+FFFD).</summary>
    internal static SourceWarning? ForRow(TextReader reader, string shown, long row, bool holdsReplacement, ref bool reported)
    {
        if (reported || !HasReplaced(reader) || !holdsReplacement)
        {
            return null;
        }
        reported = true;
        return new SourceWarning($"{shown}:{row}", InvalidUtf8Message + " (reported for the first such row only)");
    }

    /// <summary>The warning for an input that had bytes replaced but no row shown to hold them (say, in a skipped row).</summary>
    internal static SourceWarning? ForInput(TextReader reader, string where, bool reported) =>
        !reported && HasReplaced(reader) ? new SourceWarning(where, InvalidUtf8Message) : null;

    private static Encoding Utf8With(DecoderFallback fallback)
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = fallback;
        return encoding;
    }

    /// <summary>Replaces each invalid sequence with one U+FFFD, as the default fallback does, and notes it.</summary>
    private sealed class RecordingFallback : DecoderFallback
    {
        public bool Fired { get; set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(RecordingFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Fired = true;
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }
                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0)
                {
                    return false;
                }
                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
