using System.Globalization;
using System.Text;
using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Neural;
using Extractor.Training;

namespace Extractor.NeuralTool;

/// <summary>Writes the neural tagger's inputs for labelled CoNLL documents, one token per line
/// (<c>normalized word, word, gold BILOU tag, class + 1, phrase class + 1, indicators</c>, tab-separated), a blank
/// line after each sentence and <c>#doc</c> before each document, after a first line <c>#classes N</c> (the base
/// model's word classes plus one, the size of the class vector table): the training script's only view of the text.</summary>
internal static class InputDump
{
    public static void Write(NerModel model, IEnumerable<ConllDocument> documents, TextWriter output)
    {
        var lexicon = model.Lists is null ? WordLists.Default : WordLists.Default.WithLists(model.Lists);
        var featurizer = new DocumentFeaturizer(model.Classes, lexicon);
        var tags = new TagSet(TagEncoding.Bilou);
        var line = new StringBuilder();
        Span<int> active = stackalloc int[NeuralInputs.MaxActive];
        output.Write($"#classes {(model.Classes?.Paths.Count ?? 0) + 1}\n");
        foreach (var document in documents)
        {
            var infos = new TokenInfo[document.Tokens.Length];
            featurizer.Fill(document.Text, document.Tokens, document.Sentences, infos);
            var gold = new int[document.Tokens.Length];
            tags.Encode([.. document.Spans.Select(s => (s.First, s.End, s.Label))], gold);
            output.Write("#doc\n");
            foreach (var sentence in document.Sentences)
            {
                for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
                {
                    var word = document.Tokens[i].Of(document.Text);
                    var normalized = new char[word.Length];
                    NeuralInputs.Normalize(word, normalized);
                    line.Clear();
                    line.Append(normalized).Append('\t').Append(word).Append('\t').Append(tags.NameOf(gold[i])).Append('\t')
                        .Append(NeuralInputs.ClassOf(infos[i]).ToString(CultureInfo.InvariantCulture)).Append('\t')
                        .Append(NeuralInputs.PhraseClassOf(infos[i]).ToString(CultureInfo.InvariantCulture)).Append('\t');
                    int n = NeuralInputs.Active(infos[i], active);
                    for (int k = 0; k < n; k++) line.Append(k == 0 ? "" : ",").Append(active[k].ToString(CultureInfo.InvariantCulture));
                    output.Write(line.Append('\n'));
                }
                output.Write('\n');
            }
        }
    }
}
