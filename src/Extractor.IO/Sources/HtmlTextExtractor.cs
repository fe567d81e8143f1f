using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Extractor.IO.Sources;

/// <summary>
/// The visible article text of an HTML page. Scripts, styles and page chrome (nav, header, footer, aside) are
/// dropped; paragraphs, headings and other sections are separated by a blank line; line-level blocks (div, li, br,
/// tr, table cells, options) by a line break. Both end a sentence, so text that a browser lays out in separate boxes
/// (two cells, two list items) never runs together into one name. Runs of whitespace inside a block collapse to one
/// space. Output offsets refer to this text, not to the HTML source.
/// </summary>
internal static class HtmlTextExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "nav", "footer", "header", "aside", "noscript", "template",
        "head", "title", "svg", "iframe", "object", "canvas", "button",
    };

    private static readonly HashSet<string> ParagraphBlocks = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "pre", "main",
        "figure", "figcaption", "table", "ul", "ol", "dl", "address", "hr", "details", "summary", "form", "fieldset",
    };

    private static readonly HashSet<string> LineBlocks = new(StringComparer.Ordinal)
    {
        "div", "li", "br", "tr", "td", "th", "dt", "dd", "caption", "legend", "option", "optgroup",
    };

    public static string Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(HtmlDepthLimit.Apply(html));
        var builder = new TextBuilder();
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is not null)
        {
            Walk(root, builder);
        }
        return builder.ToString();
    }

    /// <summary>Depth-first over the DOM with an explicit stack, so deeply nested markup cannot overflow the call stack.</summary>
    private static void Walk(INode root, TextBuilder builder)
    {
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText text)
            {
                builder.AppendText(text.Data);
                continue;
            }
            if (node is not IElement element)
            {
                PushChildren(stack, node);
                continue;
            }
            var name = element.LocalName;
            if (Dropped.Contains(name) || element.HasAttribute("hidden"))
            {
                continue;
            }
            builder.Break(ParagraphBlocks.Contains(name) ? 2 : LineBlocks.Contains(name) ? 1 : 0);
            if (!closing)
            {
                stack.Push((node, true));
                PushChildren(stack, node);
            }
        }
    }

    private static void PushChildren(Stack<(INode Node, bool Closing)> stack, INode node)
    {
        for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push((node.ChildNodes[i], false));
        }
    }

    /// <summary>Accumulates text with collapsed spaces and pending breaks that are written only before more text.</summary>
    private sealed class TextBuilder
    {
        private readonly StringBuilder _text = new();
        private int _pendingNewlines;
        private bool _pendingSpace;

        /// <summary>Asks for <paramref name="newlines"/> line breaks before the next text; the largest request wins.</summary>
        public void Break(int newlines) => _pendingNewlines = Math.Max(_pendingNewlines, newlines);

        public void AppendText(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }
                if (_text.Length > 0)
                {
                    if (_pendingNewlines > 0)
                    {
                        _text.Append('\n', _pendingNewlines);
                    }
                    else if (_pendingSpace)
                    {
                        _text.Append(' ');
                    }
                }
                _pendingNewlines = 0;
                _pendingSpace = false;
                _text.Append(c);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
