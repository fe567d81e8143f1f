using Extractor.IO.Sources;

namespace Extractor.IO.StandardStreams;

/// <summary>Standard input and terminal facts, injectable so tests can run the command in-process.</summary>
internal sealed class StdinProvider(Func<TextReader> reader, bool errorIsTerminal)
{
    /// <summary>The process's real console.</summary>
    /// <remarks>Read as UTF-8 whatever the locale says, as files are, so invalid bytes are reported rather than silently replaced.</remarks>
    public static StdinProvider Console => new(
        () => StandardDescriptors.WasClosed(0) ? new ClosedInputReader() : new CheckedUtf8Reader(System.Console.OpenStandardInput()),
        !System.Console.IsErrorRedirected);

    /// <summary>Opens standard input.</summary>
    public TextReader Reader() => reader();

    /// <summary>Whether stderr is a terminal (then a live progress line is drawn).</summary>
    public bool ErrorIsTerminal => errorIsTerminal;
}
