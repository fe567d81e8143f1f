namespace Extractor.Models;

/// <summary>A model file that cannot be used: not a model, truncated, corrupt, or from another format version.</summary>
public sealed class ModelFormatException(string message) : Exception(message);
