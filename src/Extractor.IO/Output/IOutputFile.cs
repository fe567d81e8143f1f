namespace Extractor.IO.Output;

/// <summary>An open <c>-o</c> target: records go to <see cref="Writer"/>; <see cref="Commit"/> makes them the file's content.</summary>
public interface IOutputFile : IDisposable
{
    /// <summary>UTF-8 without BOM, <c>\n</c> newlines.</summary>
    TextWriter Writer { get; }

    /// <summary>The bytes under <see cref="Writer"/>, for binary content (a model file); do not mix the two.</summary>
    Stream Bytes { get; }

    /// <summary>Flushes and makes the output final; a write error (a full disk) throws <see cref="IOException"/> and leaves any earlier file as it was.</summary>
    void Commit();
}
