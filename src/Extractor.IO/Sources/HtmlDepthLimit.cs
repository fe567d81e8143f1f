namespace Extractor.IO.Sources;

/// <summary>
/// Drops start tags nested deeper than a browser would build (and as many of the end tags that follow), so the
/// HTML parser's per-tag work, which walks the stack of open elements, stays bounded: 200,000 nested <c>&lt;b&gt;</c>
/// took 229 s, and the parse time grew with the square of the depth. Text is never dropped, only tags.
/// </summary>
/// <remarks>
/// One pass over the source, which understands just enough HTML to count depth: comments, declarations, quoted
/// attribute values, void and self-closing elements, and the raw-text elements whose content holds no tags.
/// Ordinary pages never come near the limit and are returned as they are, the same string.
/// </remarks>
internal static class HtmlDepthLimit
{
    /// <summary>Chromium's parser stops nesting at 512 levels too.</summary>
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary><paramref name="html"/> with tags past <paramref name="maxDepth"/> removed; the same string when none are.</summary>
    public static string Apply(string html, int maxDepth = MaxDepth)
    {
        System.Text.StringBuilder? kept = null;
        int depth = 0, copied = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            int start = i;
            int end = TagEnd(html, i, out var name, out bool closing, out bool selfClosing);
            i = end;
            if (name is null) continue;
            bool drop;
            if (closing)
            {
                drop = depth > maxDepth;
                depth = Math.Max(0, depth - 1);
            }
            else if (selfClosing || Void.Contains(name))
            {
                continue;
            }
            else
            {
                drop = depth >= maxDepth;
                depth++;
                if (RawText.Contains(name)) i = RawTextEnd(html, i, name);
            }
            if (!drop) continue;
            kept ??= new System.Text.StringBuilder(html.Length);
            kept.Append(html, copied, start - copied);
            copied = end;
        }
        return kept is null ? html : kept.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>The index after the markup that starts at <paramref name="at"/>; <paramref name="name"/> is null for a comment, a declaration or a lone '&lt;'.</summary>
    private static int TagEnd(string html, int at, out string? name, out bool closing, out bool selfClosing)
    {
        name = null;
        closing = false;
        selfClosing = false;
        int i = at + 1;
        if (html.AsSpan(i).StartsWith("!--"))
        {
            int close = html.IndexOf("-->", i + 3, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }
        if (i < html.Length && html[i] is '!' or '?')
        {
            int close = html.IndexOf('>', i);
            return close < 0 ? html.Length : close + 1;
        }
        if (i < html.Length && html[i] == '/')
        {
            closing = true;
            i++;
        }
        int nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || (i > nameStart && html[i] is '-' or ':' or '_')))
            i++;
        if (i == nameStart || !char.IsAsciiLetter(html[nameStart])) return at + 1;
        name = html[nameStart..i];
        // Attributes: a quote opens a value only right after '=' (spaces allowed), as the HTML tokenizer reads it.
        bool afterEquals = false;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '>')
            {
                selfClosing = html[i - 1] == '/';
                return i + 1;
            }
            if (afterEquals && c is '"' or '\'')
            {
                int close = html.IndexOf(c, i + 1);
                if (close < 0) return html.Length;
                i = close + 1;
                afterEquals = false;
                continue;
            }
            if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
            i++;
        }
        return html.Length;
    }

    /// <summary>The index of the end tag that closes raw text opened by <paramref name="name"/> (its content holds no tags), or the end.</summary>
    private static int RawTextEnd(string html, int from, string name)
    {
        for (int i = html.IndexOf("</", from, StringComparison.Ordinal); i >= 0; i = html.IndexOf("</", i + 2, StringComparison.Ordinal))
        {
            if (html.AsSpan(i + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return html.Length;
    }
}
