namespace Extractor.IO.Output;

/// <summary>Output could not be written (a full disk, an I/O error, a closed descriptor): records were lost, and the run must say so.</summary>
internal sealed class OutputFailedException(string message, Exception? inner = null) : IOException(message, inner);
