namespace Extractor.IO.Sources;

/// <summary>What <see cref="DocumentSource.Measure"/> knows of a run before reading it.</summary>
/// <param name="Inputs">Documents and failures the run will give (one per file); null when standard input or a JSONL
/// or CSV dataset is among the inputs.</param>
/// <param name="Bytes">The input files' total size, given when <paramref name="Inputs"/> is null because of a dataset.</param>
internal readonly record struct InputSize(int? Inputs, long? Bytes);
