namespace Extractor.IO.Output;

/// <summary>The reader of the output went away (a closed pipe, as in <c>extractor extract big/ | head</c>): nothing more can be delivered, and nothing delivered was lost.</summary>
/// <remarks>Kept apart from other <see cref="IOException"/>s, which mean that output was lost (a full disk, an I/O error).</remarks>
internal sealed class OutputClosedException(string message) : IOException(message);
