namespace Extractor.Tests;

/// <summary>The checkout the tests were built from, for files that live in the repository rather than beside the
/// test assembly (committed listings, ../shared).</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder above the test assembly that holds Extractor.sln.</summary>
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
            throw new InvalidOperationException("Extractor.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
