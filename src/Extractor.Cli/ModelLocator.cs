using Extractor.IO.Models;
using Extractor.Models;
using Extractor.Recognition;

namespace Extractor.Cli;

/// <summary>Loads <c>--model PATH</c>, or the shipped model, every failure a one-line usage error.</summary>
internal static class ModelLocator
{
    public static NerModel Load(FileInfo? path)
    {
        try { return ModelFiles.Load(path?.ToString()); }
        catch (ModelFormatException e) { throw new UserErrorException(e.Message); }
    }
}
