namespace Extractor.Resolution;

/// <summary>Opens the library's embedded data files by their dotted logical name.</summary>
/// <remarks>
/// The project names resources <c>Extractor.Resources.%(RecursiveDir)%(Filename)%(Extension)</c>, and
/// RecursiveDir keeps the platform's directory separator, so on Linux the name is
/// <c>Extractor.Resources.resolution/countries.tsv</c> and on Windows <c>…resolution\countries.tsv</c>.
/// Lookup therefore compares names with separators read as dots, so one dotted name works everywhere.
/// </remarks>
internal static class EmbeddedResources
{
    /// <summary>Opens <paramref name="logicalName"/> (e.g. <c>Extractor.Resources.resolution.countries.tsv</c>) as UTF-8 text.</summary>
    /// <exception cref="InvalidOperationException">The resource is not in the assembly (a build problem, not an input problem).</exception>
    public static StreamReader OpenText(string logicalName)
    {
        var assembly = typeof(EmbeddedResources).Assembly;
        Stream? stream = assembly.GetManifestResourceStream(logicalName);
        if (stream is null)
        {
            foreach (string name in assembly.GetManifestResourceNames())
            {
                if (string.Equals(name.Replace('/', '.').Replace('\\', '.'), logicalName, StringComparison.Ordinal))
                {
                    stream = assembly.GetManifestResourceStream(name);
                    break;
                }
            }
        }
        return stream is null
            ? throw new InvalidOperationException($"Embedded resource {logicalName} is missing from {assembly.GetName().Name}; check the EmbeddedResource item in Extractor.csproj.")
            : new StreamReader(stream);
    }
}
