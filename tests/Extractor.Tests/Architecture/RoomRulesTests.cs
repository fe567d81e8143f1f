using System.Reflection;
using NetArchTest.Rules;

namespace Extractor.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md, kept by a test: each room (a namespace) may use only the rooms listed for it,
/// so no room imports one that imports it back. The table here and the one in docs/architecture.md are the same.
/// </summary>
/// <remarks>NetArchTest reads the compiled IL (Mono.Cecil), so a dependency counts whether it came through a using,
/// a full name or a generic argument. A room is one namespace exactly: Extractor.Recognition and
/// Extractor.Recognition.Features are two rooms, each with its own line.</remarks>
public class RoomRulesTests
{
    private static readonly Assembly Core = typeof(Extractor.Pipeline.EntityPipeline).Assembly;
    private static readonly Assembly IO = typeof(Extractor.IO.Batch.ExtractionRunner).Assembly;

    /// <summary>Room → the rooms it may use (besides itself). Rooms of Core first, then Extractor.IO's. "Extractor" is
    /// the root of Core: it holds only the embedded-resource reader, which every Core room may use to load its tables.</summary>
    public static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Extractor"] = [],
        ["Extractor.Text"] = [],
        ["Extractor.Tokenization"] = ["Extractor.Text"],
        ["Extractor.Knowledge"] = ["Extractor.Text", "Extractor.Tokenization"],
        ["Extractor.Recognition.Decoding"] = ["Extractor.Text"],
        ["Extractor.Recognition.Features"] = ["Extractor.Text", "Extractor.Tokenization", "Extractor.Knowledge"],
        ["Extractor.Recognition.Scoring"] = ["Extractor.Text", "Extractor.Recognition.Features", "Extractor.Recognition.Decoding"],
        ["Extractor.Recognition.Confidence"] = ["Extractor.Text", "Extractor.Recognition.Features"],
        ["Extractor.Recognition.Spans"] = ["Extractor.Text", "Extractor.Knowledge"],
        ["Extractor.Recognition.Neural"] = ["Extractor.Text", "Extractor.Recognition.Features", "Extractor.Recognition.Decoding"],
        ["Extractor.Recognition"] = ["Extractor.Text", "Extractor.Tokenization", "Extractor.Knowledge", "Extractor.Recognition.Decoding",
            "Extractor.Recognition.Features", "Extractor.Recognition.Scoring", "Extractor.Recognition.Confidence", "Extractor.Recognition.Spans",
            "Extractor.Recognition.Neural"],
        ["Extractor.Resolution"] = ["Extractor.Text", "Extractor.Knowledge"],
        ["Extractor.Pipeline"] = ["Extractor.Text", "Extractor.Tokenization", "Extractor.Knowledge", "Extractor.Recognition", "Extractor.Recognition.Features", "Extractor.Resolution"],
        ["Extractor.Models"] = ["Extractor.Text", "Extractor.Knowledge", "Extractor.Recognition", "Extractor.Recognition.Decoding", "Extractor.Recognition.Features", "Extractor.Recognition.Scoring", "Extractor.Recognition.Confidence", "Extractor.Recognition.Neural"],
        ["Extractor.Training"] = ["Extractor.Text", "Extractor.Tokenization", "Extractor.Knowledge", "Extractor.Recognition", "Extractor.Recognition.Decoding", "Extractor.Recognition.Features", "Extractor.Recognition.Scoring", "Extractor.Recognition.Confidence", "Extractor.Models"],
        ["Extractor.Clustering"] = ["Extractor.Text"],
        ["Extractor.IO.FileSystem"] = [],
        ["Extractor.IO.Sources"] = ["Extractor.IO.FileSystem", "Extractor.Text"],
        ["Extractor.IO.Records"] = ["Extractor.Text", "Extractor.Knowledge", "Extractor.Resolution", "Extractor.IO.Sources"],
        ["Extractor.IO.Output"] = ["Extractor.Text", "Extractor.Knowledge", "Extractor.Resolution", "Extractor.Pipeline", "Extractor.IO.FileSystem", "Extractor.IO.Sources", "Extractor.IO.Records"],
        ["Extractor.IO.StandardStreams"] = ["Extractor.IO.Sources", "Extractor.IO.Output"],
        ["Extractor.IO.Models"] = ["Extractor.Models", "Extractor.Recognition", "Extractor.IO.FileSystem", "Extractor.IO.Sources"],
        ["Extractor.IO.UserLexicons"] = ["Extractor.Text", "Extractor.Knowledge", "Extractor.IO.Sources"],
        ["Extractor.IO.Batch"] = ["Extractor.Text", "Extractor.Pipeline", "Extractor.Resolution", "Extractor.IO.Sources", "Extractor.IO.Output", "Extractor.IO.Records"],
        ["Extractor.IO.Evaluation"] = ["Extractor.Text", "Extractor.Pipeline", "Extractor.Recognition", "Extractor.Resolution", "Extractor.Training", "Extractor.IO.Sources", "Extractor.IO.Output"],
        ["Extractor.IO"] = ["Extractor.IO.Output"],
    };

    public static TheoryData<string, string> ForbiddenPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var (room, allowed) in Allowed)
            foreach (var other in Allowed.Keys)
                if (other != room && other != "Extractor" && !allowed.Contains(other)) pairs.Add(room, other);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void ARoom_UsesNoRoomItMayNot(string room, string forbidden)
    {
        var offenders = Offenders(room, forbidden);
        Assert.True(offenders.Count == 0, $"{room} uses {forbidden} in: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void EveryNamespace_IsARoomOfTheTable()
    {
        var namespaces = Core.GetTypes().Concat(IO.GetTypes())
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("Extractor", StringComparison.Ordinal) && !n.StartsWith("Extractor.Resources", StringComparison.Ordinal))
            .Distinct().Order().ToList();
        Assert.Equal([], namespaces.Where(n => !Allowed.ContainsKey(n!)));
    }

    [Fact]
    public void TheRule_CatchesALoopPutBack()
    {
        // Decoding once took Scoring's PerceptronModel while Scoring used Decoding's TagSet; the checker must see
        // such a use. Scoring does use Decoding, so asking the reverse question of it has to find types.
        Assert.NotEmpty(Offenders("Extractor.Recognition.Scoring", "Extractor.Recognition.Decoding"));
    }

    /// <summary>Types of <paramref name="room"/> (exactly that namespace) that use a type declared in <paramref name="other"/>
    /// (exactly that namespace: nested rooms are rooms of their own in the table).</summary>
    internal static List<string> Offenders(string room, string other)
    {
        var assembly = room.StartsWith("Extractor.IO", StringComparison.Ordinal) ? IO : Core;
        var declared = Core.GetTypes().Concat(IO.GetTypes()).Where(t => !t.IsNested && t.Namespace == other).Select(t => t.FullName!).ToArray();
        if (declared.Length == 0) return [];
        var result = Types.InAssembly(assembly).That().ResideInNamespaceMatching("^" + room.Replace(".", "\\.") + "$")
            .ShouldNot().HaveDependencyOnAny(declared).GetResult();
        return [.. result.FailingTypeNames ?? []];
    }
}
