using System.CommandLine;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Cli;

/// <summary><c>--types</c> as a typed option: a set of <see cref="EntityKind"/>, given as comma-separated names, repeatable.</summary>
internal static class EntityTypes
{
    /// <summary>The three kinds the tool is for.</summary>
    public static readonly EntityKind[] Default = [EntityKind.Person, EntityKind.Organization, EntityKind.Country];

    /// <summary><c>-t, --types</c>: <c>-t person,country</c> and <c>-t person -t country</c> alike; an unknown name is a usage error.</summary>
    public static Option<IReadOnlySet<EntityKind>> CreateOption()
    {
        var option = new Option<IReadOnlySet<EntityKind>>("--types", "-t")
        {
            Description = $"Comma-separated, repeatable: {string.Join(", ", EntityKinds.MainSpellings)} (also people, per, organisation, org, countries, loc); default person,organization,country",
            DefaultValueFactory = _ => Default.ToHashSet(),
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        option.CustomParser = result =>
        {
            var kinds = EntityKinds.ParseLists(result.Tokens.Select(t => t.Value), out var error);
            if (error is not null) result.AddError("--types: " + error);
            return kinds;
        };
        return option;
    }
}
