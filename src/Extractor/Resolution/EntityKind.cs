namespace Extractor.Resolution;

/// <summary>What a resolved entity is: the model's four labels, with countries split out of locations.</summary>
public enum EntityKind : byte
{
    /// <summary>A person (from a PER span).</summary>
    Person,
    /// <summary>An organization (from an ORG span that is not a country name).</summary>
    Organization,
    /// <summary>A country or territory from the ISO 3166-1 table.</summary>
    Country,
    /// <summary>Any other location (a LOC span that is not a country name).</summary>
    Location,
    /// <summary>Other names: events, products, nationalities when demonyms are not resolved.</summary>
    Misc,
}

/// <summary>The names of <see cref="EntityKind"/> values as they appear in output records.</summary>
public static class EntityKinds
{
    /// <summary>The output name: PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC. Part of the output schema.</summary>
    /// <remarks>Spelled out rather than <c>ToString().ToUpperInvariant()</c> so renaming an enum member cannot change output.</remarks>
    public static string ToOutputName(this EntityKind kind) => kind switch
    {
        EntityKind.Person => "PERSON",
        EntityKind.Organization => "ORGANIZATION",
        EntityKind.Country => "COUNTRY",
        EntityKind.Location => "LOCATION",
        EntityKind.Misc => "MISC",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };
}
