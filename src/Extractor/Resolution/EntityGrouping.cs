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
        foreach (ResolvedMention mention in mentions)
        {
            if (!groups.TryGetValue((mention.Kind, mention.Name), out Builder? builder))
            {
                builder = new Builder(mention);
                groups.Add((mention.Kind, mention.Name), builder);
                order.Add(builder);
            }
            builder.Add(mention);
        }
        return order
            .Select(b => b.Build())
            .OrderBy(e => e.FirstStart)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The surface form recorded as an alias: whitespace collapsed and possessive removed, so
    /// <c>Trump’s</c> and <c>Trump</c> are one alias, while a title the model included stays visible.</summary>
    internal static string AliasOf(string surface) => SurfaceText.StripPossessive(SurfaceText.Clean(surface));

    private sealed class Builder(ResolvedMention first)
    {
        private readonly List<string> _aliases = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _count;
        private int _firstStart = int.MaxValue;
        private float _score = float.NegativeInfinity;
        private string _role = "", _affiliation = "", _firstAffiliation = "";
        private int _roleWords;

        public void Add(ResolvedMention mention)
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
            string alias = AliasOf(mention.Text);
            if (_seen.Add(alias))
            {
                _aliases.Add(alias);
            }
        }

        public DocumentEntity Build() =>
            new(first.Kind, first.Name, first.Code, _count, _firstStart, _aliases.ToArray(), _score)
            {
                Role = _role,
                Affiliation = _affiliation.Length > 0 ? _affiliation : _firstAffiliation,
            };
    }
}
