namespace Extractor;

/// <summary>Opens the library's embedded data files (everything under <c>src/Extractor/Resources/</c>).</summary>
/// <remarks>Resources keep MSBuild's default names, the folder path with dots: <c>Extractor.Resources.resolution.countries.tsv</c>.</remarks>
internal static class EmbeddedResources
{
    /// <summary>Opens <paramref name="logicalName"/> as UTF-8 text.</summary>
    /// <exception cref="InvalidOperationException">The resource is not in the assembly (a build problem, not an input problem).</exception>
    public static StreamReader OpenText(string logicalName)
    {
        var assembly = typeof(EmbeddedResources).Assembly;
        var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource {logicalName} is missing from {assembly.GetName().Name}; check the EmbeddedResource item in Extractor.csproj.");
        return new StreamReader(stream);
    }

    /// <summary>Reads one embedded list: one entry per line, trimmed, blank lines and <c>#</c> comments skipped.</summary>
    public static string[] ReadList(string logicalName)
    {
        using StreamReader reader = OpenText(logicalName);
        var items = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            string entry = line.Trim();
            if (entry.Length > 0 && entry[0] != '#') items.Add(entry);
        }
        return items.ToArray();
    }
}
