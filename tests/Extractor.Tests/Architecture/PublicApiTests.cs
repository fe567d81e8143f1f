using System.Reflection;
using PublicApiGenerator;

namespace Extractor.Tests.Architecture;

/// <summary>
/// The public API of the two libraries, tracked: the committed listing in <c>tests/Extractor.Tests/Architecture/PublicApi/</c>
/// must equal what the assemblies export, so a change to what library users see is a visible diff in review.
/// </summary>
/// <remarks>After an intended change, regenerate the listings with <c>UPDATE_PUBLIC_API=1 dotnet test --filter PublicApi</c>
/// and commit them with the change.</remarks>
public class PublicApiTests
{
    public static TheoryData<string> Libraries => new() { "Extractor.Core", "Extractor.IO" };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void PublicApi_IsTheCommittedListing(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        string actual = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).Replace("\r\n", "\n");
        string file = Path.Combine(RepositoryRoot.Path, "tests", "Extractor.Tests", "Architecture", "PublicApi", assemblyName + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
        }
        Assert.True(File.Exists(file), $"{file} is missing; run UPDATE_PUBLIC_API=1 dotnet test --filter PublicApi");
        Assert.Equal(File.ReadAllText(file).Replace("\r\n", "\n"), actual);
    }
}
