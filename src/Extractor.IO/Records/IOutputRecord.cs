namespace Extractor.IO.Records;

/// <summary>Marks the three output record types, so writers accept only records that have a published schema.</summary>
public interface IOutputRecord;
