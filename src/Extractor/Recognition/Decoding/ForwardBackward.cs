using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extractor.Recognition.Decoding;

/// <summary>Forward-backward marginals of a first-order tag model, computed in <typeparamref name="T"/> (float or double).</summary>
/// <remarks>
/// Scaled probabilities instead of log-space sums: one <c>exp</c> per tag and token instead of one per
/// transition. Each position's forward and backward vectors are divided by their maximum, which keeps
/// products in range for any sentence length; no scale needs remembering, because a marginal is <c>α·β</c>
/// at its position over that position's own <c>Σ α·β</c>, which the same factors divide. The recursions
/// are dense products with the exponentiated transition matrix (zero where a transition is not allowed),
/// rows padded to whole vectors: eight floats or four doubles per instruction beat walking the 97 allowed
/// pairs one by one. Buffers are reused across calls: one per thread.
/// <para>Scalars go through <see cref="Of(double)"/> and its siblings rather than generic math (<c>T.One</c>,
/// <c>T.Max</c>): crossgen2 does not precompile calls to an interface's static members, so with generic math the whole
/// class was compiled at run time in the ReadyToRun build, on the way to the first document's scores. Each sibling is
/// the same IEEE operation in <typeparamref name="T"/> that the generic member performed, so results are unchanged.</para>
/// </remarks>
internal sealed class ForwardBackward<T> where T : unmanaged
{
    private T[] _alpha = new T[256];
    private T[] _beta = new T[256];
    private T[] _emit = new T[256];
    private T[] _weighted = new T[32];
    private TransitionTable? _transitions;

    /// <summary>Empty buffers for float or double.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is another type: the scalar helpers know only those two.</exception>
    public ForwardBackward()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"Forward-backward in {typeof(T).Name}: float or double expected.");
    }

    /// <summary>Writes the marginal probability of each token's given tag; false, with <paramref name="confidence"/>
    /// partly written, when a whole position underflowed to zero in this precision.</summary>
    public bool TryMarginals(ITransitionScores model, ReadOnlySpan<float> emissions, int n, ReadOnlySpan<int> tags, Span<float> confidence)
    {
        int t = model.Tags.Count;
        double inv = 1.0 / model.Temperature;
        var transitions = Transitions(model, inv);
        int w = transitions.Width;
        Ensure(ref _alpha, n * w);
        Ensure(ref _beta, n * w);
        Ensure(ref _emit, n * w);
        Ensure(ref _weighted, w);
        var alpha = _alpha.AsSpan(0, n * w);
        var beta = _beta.AsSpan(0, n * w);
        var emit = _emit.AsSpan(0, n * w);
        ExpEmissions(emissions, n, t, w, inv, emit);
        if (!Forward(transitions, emit, alpha) || !Backward(transitions, emit, beta, _weighted.AsSpan(0, w))) return false;
        for (int i = 0; i < n; i++)
        {
            var a = alpha.Slice(i * w, w);
            var b = beta.Slice(i * w, w);
            // Padding lanes are zero in both, so the whole width sums to the same total.
            var products = Vector256<T>.Zero;
            var av = MemoryMarshal.Cast<T, Vector256<T>>(a);
            var bv = MemoryMarshal.Cast<T, Vector256<T>>(b);
            for (int v = 0; v < av.Length; v++) products += av[v] * bv[v];
            T z = Vector256.Sum(products);
            if (IsZero(z)) return false;
            int tag = tags[i];
            confidence[i] = Marginal(a[tag], b[tag], z);
        }
        return true;
    }

    /// <summary>alpha[i][k] ∝ Σ_j alpha[i-1][j]·T[j,k] · E[i][k], each position divided by its maximum.</summary>
    private static bool Forward(TransitionTable transitions, ReadOnlySpan<T> emit, Span<T> alpha)
    {
        int w = transitions.Width;
        int n = alpha.Length / w;
        var start = transitions.Start;
        start.CopyTo(alpha[..w]);
        Multiply(alpha[..w], emit[..w]);
        if (!Rescale(alpha[..w])) return false;
        for (int i = 1; i < n; i++)
        {
            // Row vector times matrix: the sum of T's rows, each weighted by the previous position's alpha.
            var current = alpha.Slice(i * w, w);
            Combine(alpha.Slice((i - 1) * w, w), transitions.Forward, current, transitions.Tags);
            Multiply(current, emit.Slice(i * w, w));
            if (!Rescale(current)) return false;
        }
        return true;
    }

    /// <summary>beta[i][j] ∝ Σ_k T[j,k] · E[i+1][k] · beta[i+1][k], each position divided by its maximum.</summary>
    private static bool Backward(TransitionTable transitions, ReadOnlySpan<T> emit, Span<T> beta, Span<T> weighted)
    {
        int w = transitions.Width;
        int n = beta.Length / w;
        transitions.End.CopyTo(beta.Slice((n - 1) * w, w));
        if (!Rescale(beta.Slice((n - 1) * w, w))) return false;
        for (int i = n - 2; i >= 0; i--)
        {
            beta.Slice((i + 1) * w, w).CopyTo(weighted);
            Multiply(weighted, emit.Slice((i + 1) * w, w));
            // Matrix times column vector: the sum of T's columns (rows of its transpose), weighted.
            Combine(weighted, transitions.Backward, beta.Slice(i * w, w), transitions.Tags);
            if (!Rescale(beta.Slice(i * w, w))) return false;
        }
        return true;
    }

    /// <summary><c>into = Σ_j weights[j] · rows[j]</c>, rows <c>into.Length</c> wide.</summary>
    /// <remarks>The sums stay in registers, two per vector of tags (even and odd <c>j</c>), so the additions form
    /// short independent chains instead of one long chain through memory; 17 tags in floats (three vectors,
    /// the shipped models) have their own unrolled loop.</remarks>
    private static void Combine(ReadOnlySpan<T> weights, ReadOnlySpan<T> rows, Span<T> into, int count)
    {
        int lanes = Vector256<T>.Count, w = into.Length;
        ref T row = ref MemoryMarshal.GetReference(rows);
        if (w == 3 * lanes)
        {
            Vector256<T> a0 = default, a1 = default, a2 = default, b0 = default, b1 = default, b2 = default;
            int j = 0;
            for (; j + 1 < count; j += 2)
            {
                var f = Vector256.Create(weights[j]);
                var g = Vector256.Create(weights[j + 1]);
                ref T r = ref Unsafe.Add(ref row, j * w);
                ref T q = ref Unsafe.Add(ref r, w);
                a0 += f * Vector256.LoadUnsafe(ref r);
                a1 += f * Vector256.LoadUnsafe(ref r, (nuint)lanes);
                a2 += f * Vector256.LoadUnsafe(ref r, (nuint)(2 * lanes));
                b0 += g * Vector256.LoadUnsafe(ref q);
                b1 += g * Vector256.LoadUnsafe(ref q, (nuint)lanes);
                b2 += g * Vector256.LoadUnsafe(ref q, (nuint)(2 * lanes));
            }
            if (j < count)
            {
                var f = Vector256.Create(weights[j]);
                ref T r = ref Unsafe.Add(ref row, j * w);
                a0 += f * Vector256.LoadUnsafe(ref r);
                a1 += f * Vector256.LoadUnsafe(ref r, (nuint)lanes);
                a2 += f * Vector256.LoadUnsafe(ref r, (nuint)(2 * lanes));
            }
            ref T target = ref MemoryMarshal.GetReference(into);
            (a0 + b0).StoreUnsafe(ref target);
            (a1 + b1).StoreUnsafe(ref target, (nuint)lanes);
            (a2 + b2).StoreUnsafe(ref target, (nuint)(2 * lanes));
            return;
        }
        into.Clear();
        var sum = MemoryMarshal.Cast<T, Vector256<T>>(into);
        for (int j = 0; j < count; j++)
        {
            var factor = Vector256.Create(weights[j]);
            var weighted = MemoryMarshal.Cast<T, Vector256<T>>(rows.Slice(j * w, w));
            for (int v = 0; v < sum.Length; v++) sum[v] += factor * weighted[v];
        }
    }

    /// <summary><c>values *= by</c>, element-wise.</summary>
    private static void Multiply(Span<T> values, ReadOnlySpan<T> by)
    {
        var a = MemoryMarshal.Cast<T, Vector256<T>>(values);
        var b = MemoryMarshal.Cast<T, Vector256<T>>(by);
        for (int v = 0; v < a.Length; v++) a[v] *= b[v];
    }

    /// <summary>E[i][k] = exp((emission − max over k)·inv), rows padded with zeros to <paramref name="width"/>:
    /// each token's factor is scaled, which the marginals do not see.</summary>
    /// <remarks>A vector at a time: each row is copied into <c>−∞</c> padding, whose lanes then drop out of the
    /// maximum and come out of the exponential as zeros (<see cref="Vector256.Exp(Vector256{float})"/>, within an
    /// ulp or two of <see cref="Math.Exp"/>).</remarks>
    private static void ExpEmissions(ReadOnlySpan<float> emissions, int n, int t, int width, double inv, Span<T> emit)
    {
        int lanes = Vector256<T>.Count;
        Span<T> padded = stackalloc T[width];
        padded.Fill(Of(double.NegativeInfinity));
        var rows = MemoryMarshal.Cast<T, Vector256<T>>(padded);
        var scale = Vector256.Create(Of(inv));
        for (int i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * t, t);
            if (typeof(T) == typeof(float)) MemoryMarshal.Cast<float, T>(row).CopyTo(padded);
            else for (int k = 0; k < t; k++) padded[k] = Of((double)row[k]);
            var max = Vector256.Create(Max(rows));
            var target = MemoryMarshal.Cast<T, Vector256<T>>(emit.Slice(i * width, width));
            for (int v = 0; v < rows.Length; v++) target[v] = Exp((rows[v] - max) * scale);
        }
    }

    /// <summary>The largest lane of <paramref name="vectors"/>.</summary>
    private static T Max(ReadOnlySpan<Vector256<T>> vectors)
    {
        var top = vectors[0];
        for (int v = 1; v < vectors.Length; v++) top = Vector256.Max(top, vectors[v]);
        var half = Vector128.Max(top.GetLower(), top.GetUpper());
        T max = half[0];
        for (int k = 1; k < Vector128<T>.Count; k++) max = Max(max, half[k]);
        return max;
    }

    private static Vector256<T> Exp(Vector256<T> x)
    {
        if (typeof(T) == typeof(float)) return Vector256.Exp(x.As<T, float>()).As<float, T>();
        return Vector256.Exp(x.As<T, double>()).As<double, T>();
    }

    /// <summary>Divides by the maximum so the largest entry is 1; false when every entry is zero (underflow).</summary>
    private static bool Rescale(Span<T> values)
    {
        var vectors = MemoryMarshal.Cast<T, Vector256<T>>(values);
        T max = Max(vectors);
        if (IsZero(max)) return false;
        if (IsOne(max)) return true;
        var scale = Vector256.Create(Reciprocal(max));
        for (int v = 0; v < vectors.Length; v++) vectors[v] *= scale;
        return true;
    }

    /// <summary>The model's transitions, tempered and exponentiated; cached for the last model seen (a runner
    /// alternates between two stages per document, not per sentence).</summary>
    private TransitionTable Transitions(ITransitionScores model, double inv)
    {
        if (_transitions is { } cached && ReferenceEquals(cached.Model, model)) return cached;
        var set = model.Tags;
        int t = set.Count;
        int w = (t + Vector256<T>.Count - 1) / Vector256<T>.Count * Vector256<T>.Count;
        // Common factors (the largest weight of each kind) are divided out: the marginals do not see them.
        double max = double.NegativeInfinity, startMax = double.NegativeInfinity, endMax = double.NegativeInfinity;
        for (int k = 0; k < t; k++)
        {
            for (int j = 0; j < t; j++)
                if (set.Allowed(j, k)) max = Math.Max(max, model.Transitions[j * t + k] * inv);
            if (set.AllowedStart(k)) startMax = Math.Max(startMax, model.Start[k] * inv);
            if (set.AllowedEnd(k)) endMax = Math.Max(endMax, model.End[k] * inv);
        }
        var forward = new T[w * w];
        var backward = new T[w * w];
        var start = new T[w];
        var end = new T[w];
        for (int k = 0; k < t; k++)
        {
            for (int j = 0; j < t; j++)
                if (set.Allowed(j, k))
                    forward[j * w + k] = backward[k * w + j] = Of(Math.Exp(model.Transitions[j * t + k] * inv - max));
            if (set.AllowedStart(k)) start[k] = Of(Math.Exp(model.Start[k] * inv - startMax));
            if (set.AllowedEnd(k)) end[k] = Of(Math.Exp(model.End[k] * inv - endMax));
        }
        return _transitions = new TransitionTable(model, t, w, forward, backward, start, end);
    }

    // The helpers below fold to one operation once T is known, but their boxing casts make the IL too long for the
    // inliner to take them unasked (they showed up as calls in the native binary's profile).

    /// <summary><paramref name="value"/> in <typeparamref name="T"/>, rounded to nearest for float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Of(double value) => typeof(T) == typeof(float) ? (T)(object)(float)value : (T)(object)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsZero(T value) => typeof(T) == typeof(float) ? (float)(object)value == 0f : (double)(object)value == 0d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOne(T value) => typeof(T) == typeof(float) ? (float)(object)value == 1f : (double)(object)value == 1d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Reciprocal(T value) => typeof(T) == typeof(float)
        ? (T)(object)(1f / (float)(object)value)
        : (T)(object)(1d / (double)(object)value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Max(T x, T y) => typeof(T) == typeof(float)
        ? (T)(object)Math.Max((float)(object)x, (float)(object)y)
        : (T)(object)Math.Max((double)(object)x, (double)(object)y);

    /// <summary><c>a·b/z</c> in <typeparamref name="T"/>, clamped to [0, 1], as a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Marginal(T a, T b, T z) => typeof(T) == typeof(float)
        ? Math.Clamp((float)(object)a * (float)(object)b / (float)(object)z, 0f, 1f)
        : (float)Math.Clamp((double)(object)a * (double)(object)b / (double)(object)z, 0d, 1d);

    private static void Ensure(ref T[] buffer, int size)
    {
        if (buffer.Length < size) buffer = new T[Math.Max(size, buffer.Length * 2)];
    }

    /// <summary>One model's tempered, exponentiated weights over <see cref="Tags"/> tags, <see cref="Width"/> wide (zero-padded, zero where not allowed):
    /// <see cref="Forward"/> is <c>[from × Width + to]</c>, <see cref="Backward"/> its transpose.</summary>
    private sealed record TransitionTable(ITransitionScores Model, int Tags, int Width, T[] Forward, T[] Backward, T[] Start, T[] End);
}
