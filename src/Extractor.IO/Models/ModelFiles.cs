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
        // A native binary's resource is already in memory (its image): the model's tables are views of it, not copies.
        if (path is null && !File.Exists(ShippedPath)
            && EmbeddedStream() is { } embedded)
            return ModelReader.Read(embedded, "the embedded model");
        return ModelReader.ReadFile(RegularFile(path, ShippedPath, ShippedMissing));
    }

    private const string ShippedMissing = "the shipped model is missing; rebuild the tool, or pass --model PATH";

    /// <summary>The model file <paramref name="path"/> names (<paramref name="shipped"/> when null), checked to exist and
    /// to be a regular file: a device or FIFO (<c>--model /dev/zero</c>) would be read without end.</summary>
    private static string RegularFile(string? path, string shipped, string shippedMissing)
    {
        string file = path ?? shipped;
        if (!File.Exists(file))
            throw new ModelFormatException(path is null
                ? $"{file}: {shippedMissing}"
                : $"{DiagnosticText.Escape(path)}: no such model file");
        if (FileKinds.Of(file) is not FileKind.Regular and var kind)
            throw new ModelFormatException($"{DiagnosticText.Escape(file)}: not a model file (a {kind.ToString().ToLowerInvariant()}, not a regular file)");
        return file;
    }

    /// <summary>File name of the shipped accurate tier in <c>models/</c> (beside the executable, in the tool package,
    /// and in the native build's archive: too large to carry inside the binary, which every default run maps).</summary>
    public const string AccurateFileName = "extractor-accurate.model";

    /// <summary>Where the shipped accurate tier lives.</summary>
    public static string AccuratePath => Path.Combine(AppContext.BaseDirectory, "models", AccurateFileName);

    /// <summary>Loads the accurate tier from <paramref name="path"/>, or the shipped one when it is null.</summary>
    /// <exception cref="ModelFormatException">The file is missing, not a regular file, or not an accurate-tier model; the message is one line naming it.</exception>
    public static AccurateModel LoadAccurate(string? path) =>
        new(NeuralModelFile.ReadFile(RegularFile(path, AccuratePath,
            "the accurate tier is missing beside this executable; reinstall the tool or unpack the whole release archive, or pass --accurate-model PATH")));

    /// <summary>The provenance of the model <see cref="Load"/> would load (version, date, dev F1), read from the start of
    /// the file only: <c>--version</c> needs no more, and the whole model costs most of a run's start-up.</summary>
    /// <exception cref="ModelFormatException">As <see cref="Load"/>, for what the file's first bytes can show.</exception>
    public static ModelInfo ReadInfo(string? path)
    {
        if (path is null && !File.Exists(ShippedPath) && EmbeddedStream() is { } embedded)
        {
            using (embedded) return ModelReader.ReadInfo(Start(embedded), "the embedded model");
        }
        string file = RegularFile(path, ShippedPath, ShippedMissing);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var start = new byte[InfoBytes];
            int read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            return ModelReader.ReadInfo(start.AsSpan(0, read), DiagnosticText.Escape(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"{DiagnosticText.Escape(file)}: cannot read the model file ({e.Message})");
        }
    }

    /// <summary>How much of a model's start holds its provenance record, with room to spare.</summary>
    private const int InfoBytes = 64 * 1024;

    /// <summary>The model embedded in the executable, or null in a build that ships the file instead.</summary>
    private static Stream? EmbeddedStream() =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetManifestResourceStream(EmbeddedResourceName);

    /// <summary>The first <see cref="InfoBytes"/> of <paramref name="model"/>: in place when it is memory already (a
    /// resource in a native binary's image), else read into an array.</summary>
    private static unsafe ReadOnlySpan<byte> Start(Stream model)
    {
        int length = (int)Math.Min(model.Length, InfoBytes);
        if (model is UnmanagedMemoryStream image) return new ReadOnlySpan<byte>(image.PositionPointer, length);
        var bytes = new byte[length];
        model.ReadExactly(bytes);
        return bytes;
    }
}
