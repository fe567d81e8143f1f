using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Extractor.Cli;

/// <summary><c>--help</c> followed by the examples of the command asked about (System.CommandLine has no epilog).</summary>
internal sealed class HelpWithExamples(HelpAction inner, IReadOnlyDictionary<string, string> examples) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        int code = inner.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        if (examples.TryGetValue(command is RootCommand ? "" : command.Name, out var text))
            parseResult.InvocationConfiguration.Output.WriteLine(text);
        return code;
    }
}
