using System.CommandLine;
using System.CommandLine.Invocation;
using Extractor.IO.Models;
using Extractor.Models;

namespace Extractor.Cli;

/// <summary><c>--version</c>: the tool's version and the shipped model's, since results depend on both.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The tool's release version, without the commit hash.</summary>
    public static string ToolVersion => BuildInfo.Version;

    public override int Invoke(ParseResult parseResult) => Write(parseResult.InvocationConfiguration.Output);

    /// <summary>Writes the two version lines; also called by <see cref="CliApp.Run"/> before any command is built.</summary>
    public static int Write(TextWriter output)
    {
        string model;
        try
        {
            var info = ModelFiles.ReadInfo(null);
            // The figure recorded at training is the tagger's alone; `extractor evaluate` scores the tool (name rules on).
            model = $"{info.Version} (dev F1 {info.DevF1:F2} for the tagger alone at training, trained {info.CreatedUtc:yyyy-MM-dd})";
        }
        catch (ModelFormatException e)
        {
            model = $"unavailable: {e.Message}";
        }
        output.WriteLine($"extractor {ToolVersion}");
        output.WriteLine($"model {model}");
        return ExitCodes.Success;
    }
}
