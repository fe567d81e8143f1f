namespace Extractor.Tests.IO;

/// <summary>A fresh folder under the system temp folder, deleted (with everything in it) on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("extractor-io-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="contents"/> to the relative path, creating folders; returns the full path.</summary>
    public string Write(string relative, string contents) => Write(relative, System.Text.Encoding.UTF8.GetBytes(contents));

    public string Write(string relative, byte[] contents)
    {
        var full = System.IO.Path.Join(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, contents);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
