using Extractor.IO.FileSystem;
using Extractor.IO.Sources;
using Extractor.Models;
using Extractor.Recognition;

namespace Extractor.IO.Models;

/// <summary>Finds and loads a model file: a path the user gave, or the one shipped beside the executable.</summary>
public static class ModelFiles
{
    /// <summary>File name of the shipped model in <c>models/</c>.</summary>
    public const string ShippedFileName = "extractor.model";

    /// <summary>Where the shipped model lives: copied into <c>models/</c> beside the executable at build time
    /// (also in the tool package and beside a native binary).</summary>
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "models", ShippedFileName);

    /// <summary>The manifest name under which a native (AOT) build carries the shipped model inside the executable.</summary>
    public const string EmbeddedResourceName = "Extractor.ShippedModel";

    /// <summary>Loads <paramref name="path"/>, or the shipped model when it is null: the file in <c>models/</c> beside
    /// the executable when there is one, else the copy a native build carries inside itself.</summary>
    /// <exception cref="ModelFormatException">The file is missing, not a regular file, or not a usable model; the message is one line naming it.</exception>
    public static NerModel Load(string? path)
    {
        string file = path ?? ShippedPath;
        if (path is null && !File.Exists(file) && Embedded() is { } bytes) return ModelReader.Read(bytes, "the embedded model");
        if (!File.Exists(file))
            throw new ModelFormatException(path is null
                ? $"{file}: the shipped model is missing; rebuild the tool, or pass --model PATH"
                : $"{DiagnosticText.Escape(path)}: no such model file");
        // A device or FIFO (--model /dev/zero) would be read without end; only a regular file can be a model.
        if (FileKinds.Of(file) is not FileKind.Regular and var kind)
            throw new ModelFormatException($"{DiagnosticText.Escape(file)}: not a model file (a {kind.ToString().ToLowerInvariant()}, not a regular file)");
        return ModelReader.ReadFile(file);
    }

    /// <summary>The model bytes embedded in the executable, or null in a build that ships the file instead.</summary>
    private static byte[]? Embedded()
    {
        using var stream = System.Reflection.Assembly.GetEntryAssembly()?.GetManifestResourceStream(EmbeddedResourceName);
        if (stream is null) return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
