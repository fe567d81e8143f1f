namespace Extractor.Text;

/// <summary>The entity classes the statistical model predicts (the CoNLL-2003 label set).</summary>
public enum EntityLabel : byte
{
    /// <summary>A person (PER).</summary>
    Person,
    /// <summary>An organization (ORG).</summary>
    Organization,
    /// <summary>A location (LOC); countries are resolved from these later.</summary>
    Location,
    /// <summary>Other names: nationalities, events, products (MISC).</summary>
    Misc,
}

/// <summary>The label set, defined here once: its size, its members and their CoNLL short names. Tag sets, the
/// document featurizer's counts and the model file's label list are all derived from it.</summary>
public static class EntityLabels
{
    /// <summary>How many labels there are: the enum's last member plus one, so adding a label changes it.</summary>
    public const int Count = (int)EntityLabel.Misc + 1;

    /// <summary>All labels, in enum order.</summary>
    public static ReadOnlySpan<EntityLabel> All => [EntityLabel.Person, EntityLabel.Organization, EntityLabel.Location, EntityLabel.Misc];

    /// <summary>The CoNLL short name: PER, ORG, LOC or MISC.</summary>
    public static string ToConll(this EntityLabel label) => label switch
    {
        EntityLabel.Person => "PER",
        EntityLabel.Organization => "ORG",
        EntityLabel.Location => "LOC",
        _ => "MISC",
    };

    /// <summary>Parses a CoNLL short name; false for anything else.</summary>
    public static bool TryParseConll(ReadOnlySpan<char> name, out EntityLabel label)
    {
        switch (name)
        {
            case "PER": label = EntityLabel.Person; return true;
            case "ORG": label = EntityLabel.Organization; return true;
            case "LOC": label = EntityLabel.Location; return true;
            case "MISC": label = EntityLabel.Misc; return true;
            default: label = default; return false;
        }
    }
}
