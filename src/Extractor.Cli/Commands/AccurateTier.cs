using System.CommandLine;
using Extractor.IO.Models;
using Extractor.IO.Sources;
using Extractor.Models;
using Extractor.Recognition;

namespace Extractor.Cli.Commands;

/// <summary>The accurate tier's two options, shared by <c>extract</c> and <c>evaluate</c>: <c>--accurate</c> for the
/// shipped tier, <c>--accurate-model FILE</c> for another (which implies it).</summary>
internal sealed class AccurateTier
{
    public Option<bool> Switch { get; } = new("--accurate")
    {
        Description = "Tag with the accurate tier, a neural tagger: more accurate on new names, several times slower (README: Accuracy and speed)",
    };

    public Option<FileInfo?> File { get; } = new("--accurate-model")
    {
        Description = "The accurate tier's model file (default: the shipped one); implies --accurate",
        HelpName = "FILE",
    };

    /// <summary>The tier to tag with, or null for the default perceptron.</summary>
    public AccurateModel? Load(ParseResult parse) =>
        parse.GetValue(File) is { } file ? ModelFiles.LoadAccurate(file.ToString())
        : parse.GetValue(Switch) ? ModelFiles.LoadAccurate(null)
        : null;

    /// <summary><paramref name="tier"/>, refused in one line when <paramref name="model"/> (a <c>--model</c>) lacks the
    /// word classes and lists it was trained with.</summary>
    /// <exception cref="ModelFormatException">They differ.</exception>
    public AccurateModel? Beside(AccurateModel? tier, NerModel model, ParseResult parse) =>
        tier is null || tier.Fits(model) ? tier
        : throw new ModelFormatException($"{DiagnosticText.Escape(Path(parse) ?? ModelFiles.AccuratePath)}: the accurate tier was trained beside model {tier.BaseModel}, whose word classes and lists model {model.Info.Version} does not have (--model)");

    /// <summary>The file the tier is read from, when one was named (no output may overwrite it).</summary>
    public string? Path(ParseResult parse) => parse.GetValue(File)?.ToString();
}
