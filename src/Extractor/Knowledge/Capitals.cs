namespace Extractor.Knowledge;

/// <summary>National capitals and seats of government (<c>Washington</c>, <c>Doha</c>, <c>The Hague</c>), from
/// <c>Resources/resolution/capitals.tsv</c>, which <c>scripts/gazetteers/capitals.sh</c> builds from GeoNames.</summary>
/// <remarks>Looked up by <see cref="SurfaceText.Key"/> ignoring case, so <c>Bogota</c> finds <c>Bogotá</c>. Immutable.</remarks>
internal sealed class Capitals
{
    private readonly HashSet<string> _names;

    private Capitals(IEnumerable<string> names) => _names = new HashSet<string>(names.Select(n => SurfaceText.Key(n)), StringComparer.OrdinalIgnoreCase);

    /// <summary>The shipped table.</summary>
    public static Capitals Default => LazyDefault.Value;

    // Lazy, as the other shipped tables are: loaded on first use by whichever thread comes first, never inside
    // another type's static initialization.
    private static readonly Lazy<Capitals> LazyDefault =
        new(() => new Capitals(EmbeddedResources.ReadList("Extractor.Resources.resolution.capitals.tsv").Select(line => line.Split('\t')[0])));

    /// <summary>True when <paramref name="name"/> is a capital's name.</summary>
    public bool Contains(string name) => _names.Contains(SurfaceText.Key(name));
}
