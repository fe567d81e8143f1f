using System.Text;
using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Recognition.Neural;

/// <summary>The forward pass of a <see cref="NeuralModel"/> over one sentence: the emission score of every tag at
/// every token, which the CRF's Viterbi search and forward-backward then read like a perceptron stage's scores.</summary>
/// <remarks>One per thread: its buffers grow to the longest sentence seen and are reused, so a sentence allocates
/// nothing. The indicator inputs are added as weight columns rather than multiplied: a token has a handful on of 41.
/// <para>Most of a token's input (its word vector, characters and class) depends on the word alone, and its product
/// with the LSTM's input weights is most of the arithmetic: it is kept per word, for the words seen most recently,
/// so a frequent word costs it once. The product is always taken in the same two parts (the word's, then the
/// phrase class's), cached or not, so a cache hit gives the same floats as a miss.</para></remarks>
internal sealed class NeuralTagger
{
    /// <summary>Words whose input products are kept (8·Hidden floats each: 3.2 KB with 100 hidden units); when
    /// full, the cache starts over.</summary>
    private const int CachedWords = 8192;

    private readonly NeuralModel _m;
    private readonly Dictionary<string, float[]> _wordGates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float[]>.AlternateLookup<ReadOnlySpan<char>> _wordGatesBySpan;
    private readonly float[] _wordInput;
    /// <summary>Each token's phrase-class vector (the one input that depends on its neighbours as well as its word).</summary>
    private float[] _phrases;
    private float[] _forward;
    private float[] _backward;
    private float[] _hidden;
    private readonly float[] _cell;
    private readonly float[] _state;
    private readonly float[] _charRows;
    private char[] _normalized = new char[64];
    private readonly int[] _active = new int[NeuralInputs.MaxActive];

    public NeuralTagger(NeuralModel model)
    {
        _m = model;
        _wordGatesBySpan = _wordGates.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordInput = new float[model.VectorDim + model.CharFilters + model.ClassDim];
        _phrases = new float[64 * model.ClassDim];
        _forward = new float[64 * 4 * model.Hidden];
        _backward = new float[64 * 4 * model.Hidden];
        _hidden = new float[64 * 2 * model.Hidden];
        _cell = new float[model.Hidden];
        _state = new float[model.Hidden];
        _charRows = new float[(NeuralModel.MaxChars + 2) * model.CharDim];
    }

    /// <summary>Writes <c>tokens × tags</c> emission scores for one sentence into <paramref name="emissions"/>.</summary>
    /// <param name="text">The text the tokens point into.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="infos">Their facts, as the featurizer filled them for the whole document part.</param>
    /// <param name="emissions">Receives the scores, token by token.</param>
    public void Emissions(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TokenInfo> infos, Span<float> emissions)
    {
        int n = tokens.Length, cd = _m.ClassDim, gates = 4 * _m.Hidden;
        Ensure(ref _phrases, n * cd);
        Ensure(ref _forward, n * gates);
        Ensure(ref _backward, n * gates);
        Ensure(ref _hidden, n * 2 * _m.Hidden);
        int phraseColumn = _m.ComputedInputs - cd;
        for (int t = 0; t < n; t++)
        {
            var word = WordGates(tokens[t].Of(text), infos[t]);
            var phrase = _phrases.AsSpan(t * cd, cd);
            int phraseClass = ClassVector(NeuralInputs.PhraseClassOf(infos[t]), phrase);
            int on = NeuralInputs.Active(infos[t], _active);
            Gates(_m.Forward, word.AsSpan(0, gates), phraseColumn, phraseClass, phrase, on, _forward.AsSpan(t * gates, gates));
            Gates(_m.Backward, word.AsSpan(gates, gates), phraseColumn, phraseClass, phrase, on, _backward.AsSpan(t * gates, gates));
        }
        Run(_m.Forward, n, reverse: false);
        Run(_m.Backward, n, reverse: true);
        int tags = _m.Tags.Count, width = 2 * _m.Hidden;
        for (int t = 0; t < n; t++)
        {
            var h = _hidden.AsSpan(t * width, width);
            for (int k = 0; k < tags; k++)
                emissions[t * tags + k] = _m.OutBias[k] + DenseMath.Dot(_m.OutWeights.AsSpan(k * width, width), h);
        }
    }

    /// <summary>Writes emissions for tokens given as the training dump gives them (normalized word, word, class + 1,
    /// phrase class + 1, indicators on): the reference test's way in, which skips the featurizer.</summary>
    internal void Emissions(IReadOnlyList<(string Word, int Class, int Phrase, int[] Active)> tokens, Span<float> emissions)
    {
        var text = new StringBuilder();
        var list = new List<Token>();
        var infos = new TokenInfo[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            if (t > 0) text.Append(' ');
            list.Add(new Token(text.Length, text.Length + tokens[t].Word.Length));
            text.Append(tokens[t].Word);
            infos[t] = NeuralInputs.InfoOf(tokens[t].Class, tokens[t].Phrase, tokens[t].Active);
        }
        Emissions(text.ToString(), [.. list], infos, emissions);
    }

    /// <summary>Both directions' biases plus their input weights times the part of the input that depends on the word
    /// alone (<c>8·Hidden</c> floats: forward gates, then backward), from the cache or computed into it.</summary>
    private float[] WordGates(ReadOnlySpan<char> word, in TokenInfo info)
    {
        if (_wordGatesBySpan.TryGetValue(word, out var cached)) return cached;
        if (_wordGates.Count >= CachedWords) _wordGates.Clear();
        int gates = 4 * _m.Hidden;
        var product = new float[2 * gates];
        WordInput(word, info, _wordInput);
        _m.Forward.Bias.CopyTo(product, 0);
        _m.Backward.Bias.CopyTo(product, gates);
        DenseMath.MultiplyAdd(_m.Forward.InputWeights, _m.ComputedInputs, _wordInput, product.AsSpan(0, gates));
        DenseMath.MultiplyAdd(_m.Backward.InputWeights, _m.ComputedInputs, _wordInput, product.AsSpan(gates, gates));
        _wordGates[word.ToString()] = product;
        return product;
    }

    /// <summary>The part of a token's input that depends on the word alone: word vector, character features, class vector.</summary>
    private void WordInput(ReadOnlySpan<char> word, in TokenInfo info, Span<float> x)
    {
        int dim = _m.VectorDim;
        if (_normalized.Length < word.Length) _normalized = new char[word.Length * 2];
        int length = NeuralInputs.Normalize(word, _normalized);
        int w = _m.Words.IndexOf(_normalized.AsSpan(0, length));
        var vector = x[..dim];
        if (w < 0) vector.Clear();
        else
        {
            float scale = _m.VectorScales[w];
            var row = _m.Vectors.AsSpan(w * dim, dim);
            for (int i = 0; i < dim; i++) vector[i] = row[i] * scale;
        }
        Characters(word, x.Slice(dim, _m.CharFilters));
        ClassVector(NeuralInputs.ClassOf(info), x.Slice(dim + _m.CharFilters, _m.ClassDim));
    }

    /// <summary>Copies class <paramref name="id"/>'s vector (row 0, zeros, for none or an id the tier does not know); returns the row used.</summary>
    private int ClassVector(int id, Span<float> x)
    {
        if ((uint)id >= (uint)_m.ClassCount) id = 0;
        _m.ClassEmbeddings.AsSpan(id * _m.ClassDim, _m.ClassDim).CopyTo(x);
        return id;
    }

    /// <summary>The character CNN: each window of three characters (a zero vector beyond either end) through every
    /// filter, ReLU, and the maximum over the word's positions.</summary>
    private void Characters(ReadOnlySpan<char> word, Span<float> features)
    {
        int cd = _m.CharDim, length = 0;
        var rows = _charRows.AsSpan();
        rows[..cd].Clear();
        foreach (var rune in word.EnumerateRunes())
        {
            if (length == NeuralModel.MaxChars) break;
            int id = _m.CharIds.TryGetValue(rune.Value, out int known) ? known : NeuralModel.UnknownChar;
            _m.CharEmbeddings.AsSpan(id * cd, cd).CopyTo(rows.Slice((1 + length) * cd, cd));
            length++;
        }
        rows.Slice((1 + length) * cd, cd).Clear();
        int window = NeuralModel.CharWindow * cd;
        features.Fill(float.NegativeInfinity);
        for (int j = 0; j < length; j++)
        {
            var span = rows.Slice(j * cd, window);
            for (int f = 0; f < features.Length; f++)
            {
                float v = _m.ConvBias[f] + DenseMath.Dot(_m.ConvWeights.AsSpan(f * window, window), span);
                if (v > features[f]) features[f] = v;
            }
        }
        for (int f = 0; f < features.Length; f++) features[f] = Math.Max(features[f], 0f);
    }

    /// <summary>A token's gate inputs in one direction: the word's part, the phrase class's product, the indicators' columns.</summary>
    private void Gates(LstmDirection d, ReadOnlySpan<float> word, int phraseColumn, int phraseClass, ReadOnlySpan<float> phrase, int on, Span<float> gates)
    {
        word.CopyTo(gates);
        // Outside name phrases (most tokens) the phrase-class vector is row 0, all zeros: its product adds nothing.
        if (phraseClass != 0) DenseMath.MultiplyAdd(d.InputWeights, _m.ComputedInputs, phraseColumn, phrase, gates);
        for (int k = 0; k < on; k++) DenseMath.Add(d.IndicatorColumns.AsSpan(_active[k] * gates.Length, gates.Length), gates);
    }

    /// <summary>One direction's recurrence over the sentence, its states written to its half of each token's hidden vector.</summary>
    private void Run(LstmDirection d, int n, bool reverse)
    {
        int h = _m.Hidden, gates = 4 * h, width = 2 * h, half = reverse ? h : 0;
        var all = reverse ? _backward : _forward;
        var state = _state.AsSpan();
        var cell = _cell.AsSpan();
        state.Clear();
        cell.Clear();
        for (int step = 0; step < n; step++)
        {
            int t = reverse ? n - 1 - step : step;
            var g = all.AsSpan(t * gates, gates);
            if (step > 0) DenseMath.MultiplyAdd(d.HiddenWeights, h, state, g);
            DenseMath.Sigmoid(g[..(2 * h)]);
            DenseMath.Tanh(g.Slice(2 * h, h));
            DenseMath.Sigmoid(g[(3 * h)..]);
            for (int i = 0; i < h; i++) cell[i] = g[h + i] * cell[i] + g[i] * g[2 * h + i];
            cell.CopyTo(state);
            DenseMath.Tanh(state);
            DenseMath.Multiply(g[(3 * h)..], state, state);
            state.CopyTo(_hidden.AsSpan(t * width + half, h));
        }
    }

    private static void Ensure(ref float[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new float[Math.Max(size, buffer.Length * 2)];
    }
}
