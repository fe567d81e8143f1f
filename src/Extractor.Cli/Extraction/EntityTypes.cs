using Extractor.Resolution;

namespace Extractor.Cli.Extraction;

/// <summary>Parses <c>--types</c>: a comma-separated list of person, organization, country, location, misc, or all.</summary>
internal static class EntityTypes
{
    /// <summary>The default: the three kinds the tool is for.</summary>
    public const string Default = "person,organization,country";

    /// <summary>Accepted names, for help and errors.</summary>
    public static readonly string[] Names = ["person", "organization", "country", "location", "misc", "all"];

    public static bool TryParse(string? list, out HashSet<EntityKind> kinds, out string? bad)
    {
        kinds = [];
        bad = null;
        foreach (var raw in (list ?? Default).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (raw.ToLowerInvariant())
            {
                case "person" or "people" or "per": kinds.Add(EntityKind.Person); break;
                case "organization" or "organisation" or "org": kinds.Add(EntityKind.Organization); break;
                case "country" or "countries": kinds.Add(EntityKind.Country); break;
                case "location" or "loc": kinds.Add(EntityKind.Location); break;
                case "misc": kinds.Add(EntityKind.Misc); break;
                case "all": kinds.UnionWith(Enum.GetValues<EntityKind>()); break;
                default: bad = raw; return false;
            }
        }
        if (kinds.Count == 0) { bad = list; return false; }
        return true;
    }
}
