using Extractor.Knowledge;
using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>Groups one document's resolved mentions into entities by (kind, canonical name).</summary>
internal static class EntityGrouping
{
    public static IReadOnlyList<DocumentEntity> Group(IReadOnlyList<ResolvedMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var groups = new Dictionary<(EntityKind, string), Builder>();
        var order = new List<Builder>();
        if (mentions is ResolvedMentionList list)
        {
            // Every mention of a row has the row's entity and alias: look them up once per row, not per mention.
            var byRow = new (Builder? Builder, string Alias)[list.RowCount];
            for (int i = 0; i < list.Count; i++)
            {
                ResolvedMention mention = list[i];
                ref var known = ref byRow[list.RowOf(i)];
                known.Builder ??= BuilderOf(mention, groups, order);
                known.Builder.Add(mention, known.Alias ??= AliasOf(mention.Text));
            }
        }
        else
        {
            foreach (ResolvedMention mention in mentions) BuilderOf(mention, groups, order).Add(mention, AliasOf(mention.Text));
        }
        // Each builder is let go once built: a large document has a hundred thousand of them.
        groups.Clear();
        var entities = new DocumentEntity[order.Count];
        for (int i = 0; i < entities.Length; i++)
        {
            entities[i] = order[i].Build();
            order[i] = null!;
        }
        // (kind, name) is unique per entity, so the order is total and an unstable sort gives the one answer.
        Array.Sort(entities, static (a, b) =>
        {
            int c = a.FirstStart.CompareTo(b.FirstStart);
            if (c == 0) c = ((int)a.Kind).CompareTo((int)b.Kind);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        return entities;
    }

    private static Builder BuilderOf(ResolvedMention mention, Dictionary<(EntityKind, string), Builder> groups, List<Builder> order)
    {
        if (!groups.TryGetValue((mention.Kind, mention.Name), out Builder? builder))
        {
            builder = new Builder(mention.Kind, mention.Name, mention.Code);
            groups.Add((mention.Kind, mention.Name), builder);
            order.Add(builder);
        }
        return builder;
    }

    /// <summary>The surface form recorded as an alias: whitespace collapsed and possessive removed, so
    /// <c>Trump’s</c> and <c>Trump</c> are one alias, while a title the model included stays visible.</summary>
    internal static string AliasOf(string surface) => SurfaceText.StripPossessive(SurfaceText.Clean(surface));

    private sealed class Builder(EntityKind kind, string name, string code)
    {
        /// <summary>Past this many aliases a set answers "seen?"; below it a scan does, as most entities have one or two.</summary>
        private const int ScannedAliases = 8;

        private readonly List<string> _aliases = new(1);
        private HashSet<string>? _seen;
        private int _count;
        private int _firstStart = int.MaxValue;
        private float _score = float.NegativeInfinity;
        private string _role = "", _affiliation = "", _firstAffiliation = "";
        private int _roleWords;

        public void Add(ResolvedMention mention, string alias)
        {
            _count++;
            _firstStart = Math.Min(_firstStart, mention.Mention.Start);
            _score = Math.Max(_score, mention.Mention.Score);
            if (mention.Role.Length > 0)
            {
                // The most specific role ("Defense Secretary" over "Secretary"), the first of equals.
                int words = mention.Role.Count(c => c == ' ') + 1;
                if (words > _roleWords)
                {
                    (_role, _affiliation, _roleWords) = (mention.Role, mention.Affiliation, words);
                }
                if (_firstAffiliation.Length == 0) _firstAffiliation = mention.Affiliation;
            }
            if (!Seen(alias)) _aliases.Add(alias);
        }

        private bool Seen(string alias)
        {
            if (_seen is not null) return !_seen.Add(alias);
            foreach (string known in _aliases)
            {
                if (string.Equals(known, alias, StringComparison.Ordinal)) return true;
            }
            if (_aliases.Count == ScannedAliases) _seen = new HashSet<string>([.. _aliases, alias], StringComparer.Ordinal);
            return false;
        }

        public DocumentEntity Build() =>
            new(kind, name, code, _count, _firstStart, _aliases.ToArray(), _score)
            {
                Role = _role,
                Affiliation = _affiliation.Length > 0 ? _affiliation : _firstAffiliation,
            };
    }
}
