using System.Runtime.InteropServices;
using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Recognition.Confidence;

/// <summary>Fills the document-level fields of <see cref="MentionEvidence"/>: how many other mentions share a
/// mention's surface, and how many of them share its type.</summary>
/// <remarks>One per workspace, reused across documents, so a document costs no allocation once the table has grown.
/// Surfaces are keyed by a stable 64-bit hash: the same text gives the same figures in every run.</remarks>
internal sealed class SurfaceAgreement
{
    private readonly Dictionary<ulong, Counts> _bySurface = [];
    private readonly List<ulong> _keys = [];

    /// <summary>Sets <see cref="MentionEvidence.SameSurface"/> and <see cref="MentionEvidence.SurfaceAgrees"/> of the
    /// entries of <paramref name="evidence"/> from index <paramref name="from"/> on, counting among the mentions from
    /// that index (<paramref name="evidence"/> runs parallel to <paramref name="mentions"/>).</summary>
    public void Add(string text, List<Mention> mentions, List<MentionEvidence> evidence, int from)
    {
        _bySurface.Clear();
        _keys.Clear();
        for (int i = from; i < mentions.Count; i++)
        {
            var m = mentions[i];
            ulong key = StableHash.Of(text.AsSpan(m.Start, m.End - m.Start));
            _keys.Add(key);
            ref Counts counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_bySurface, key, out _);
            counts.Add(m.Label);
        }
        for (int i = from; i < mentions.Count; i++)
        {
            var counts = _bySurface[_keys[i - from]];
            int others = counts.All - 1;
            evidence[i] = evidence[i] with
            {
                SameSurface = others,
                SurfaceAgrees = others == 0 ? 1f : (float)(counts.Of(mentions[i].Label) - 1) / others,
            };
        }
    }

    private struct Counts
    {
        public int All, Person, Organization, Location, Misc;

        public void Add(EntityLabel label)
        {
            All++;
            switch (label)
            {
                case EntityLabel.Person: Person++; break;
                case EntityLabel.Organization: Organization++; break;
                case EntityLabel.Location: Location++; break;
                default: Misc++; break;
            }
        }

        public readonly int Of(EntityLabel label) => label switch
        {
            EntityLabel.Person => Person,
            EntityLabel.Organization => Organization,
            EntityLabel.Location => Location,
            _ => Misc,
        };
    }
}
