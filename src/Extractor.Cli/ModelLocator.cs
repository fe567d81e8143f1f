using Extractor.IO.FileSystem;
using Extractor.IO.Sources;
using Extractor.Models;
using Extractor.Recognition;

namespace Extractor.Cli;

/// <summary>Finds and loads the model: <c>--model PATH</c> if given, else the one shipped beside the executable.</summary>
internal static class ModelLocator
{
    /// <summary>File name of the shipped model in <c>models/</c>.</summary>
    public const string ShippedFileName = "extractor.model";

    /// <summary>Where the shipped model lives: copied into <c>models/</c> beside the executable at build time.</summary>
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "models", ShippedFileName);

    /// <summary>Loads the model, turning every failure into a one-line usage error.</summary>
    public static NerModel Load(FileInfo? path)
    {
        string file = path?.FullName ?? ShippedPath;
        if (!File.Exists(file))
            throw new UserErrorException(path is null
                ? $"{file}: the shipped model is missing; rebuild the tool, or pass --model PATH"
                : $"{path}: no such model file");
        // A device or FIFO (--model /dev/zero) would be read without end; only a regular file can be a model.
        if (FileKinds.Of(file) is not FileKind.Regular and var kind)
            throw new UserErrorException($"{DiagnosticText.Escape(file)}: not a model file (a {kind.ToString().ToLowerInvariant()}, not a regular file)");
        try
        {
            return ModelReader.ReadFile(file);
        }
        catch (ModelFormatException e)
        {
            throw new UserErrorException(e.Message);
        }
    }
}
