using System.Globalization;
using System.Text;

namespace Extractor.IO.Sources;

/// <summary>Names as they may appear in a one-line diagnostic: control characters escaped, so a file name with a newline can neither split its line nor forge another <c>error:</c> line.</summary>
internal static class DiagnosticText
{
    /// <summary><paramref name="name"/> with C0/C1 controls, DEL and the line/paragraph separators written as <c>\n</c>, <c>\t</c> or <c>\xNN</c>/<c>\uNNNN</c>; other text unchanged.</summary>
    public static string Escape(string name) => EscapeWhere(name, NeedsEscape);

    /// <summary><paramref name="text"/> with the characters <paramref name="needsEscape"/> picks written as <c>\n</c>,
    /// <c>\r</c>, <c>\t</c>, <c>\xNN</c> or <c>\uNNNN</c>; the same string when there is none.</summary>
    public static string EscapeWhere(string text, Func<char, bool> needsEscape)
    {
        int first = 0;
        while (first < text.Length && !needsEscape(text[first])) first++;
        if (first == text.Length) return text;
        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (!needsEscape(c)) escaped.Append(c);
            else if (c == '\n') escaped.Append("\\n");
            else if (c == '\r') escaped.Append("\\r");
            else if (c == '\t') escaped.Append("\\t");
            else if (c <= 0xFF) escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    /// <summary>An I/O error's message without the <c> : 'PATH'</c> that .NET appends on Unix: the caller names the file already, in the user's own spelling.</summary>
    public static string Reason(IOException exception)
    {
        var message = exception.Message;
        var at = message.LastIndexOf(" : '", StringComparison.Ordinal);
        return at > 0 && message.EndsWith('\'') ? message[..at] : message;
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
