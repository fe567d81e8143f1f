using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extractor.Recognition.Neural;

/// <summary>The few vector kernels the neural forward pass needs, on hardware vectors (eight floats per instruction
/// with AVX2), written here rather than taken from a package: a dot product, an add and two activations.</summary>
internal static class DenseMath
{
    /// <summary>Σ a[i]·b[i] over the shorter length of the two.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = Math.Min(a.Length, b.Length), i = 0;
        ref float pa = ref MemoryMarshal.GetReference(a);
        ref float pb = ref MemoryMarshal.GetReference(b);
        float sum = 0;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            var s0 = Vector256<float>.Zero;
            var s1 = Vector256<float>.Zero;
            for (; i <= n - 16; i += 16)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)(i + 8)), Vector256.LoadUnsafe(ref pb, (nuint)(i + 8)), s1);
            }
            if (i <= n - 8)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), s0);
                i += 8;
            }
            sum = Vector256.Sum(s0 + s1);
        }
        for (; i < n; i++) sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
        return sum;
    }

    /// <summary>y[r] += Σ m[r·cols + c]·x[c] for each of the rows of <paramref name="y"/>.</summary>
    public static void MultiplyAdd(ReadOnlySpan<float> m, int cols, ReadOnlySpan<float> x, Span<float> y) => MultiplyAdd(m, cols, 0, x, y);

    /// <summary>y[r] += Σ m[r·cols + first + c]·x[c]: the product with columns <paramref name="first"/> onwards, as many as <paramref name="x"/> has.</summary>
    /// <remarks>Four rows at a time share each load of <paramref name="x"/> and end in one horizontal sum each: the
    /// LSTM's 400 rows of 100 per token were as many separate dot products, each paying its own reduction.</remarks>
    public static void MultiplyAdd(ReadOnlySpan<float> m, int cols, int first, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length, r = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float pm = ref MemoryMarshal.GetReference(m);
            int vectors = n & ~7;
            for (; r <= y.Length - 4; r += 4)
            {
                ref float m0 = ref Unsafe.Add(ref pm, r * cols + first);
                ref float m1 = ref Unsafe.Add(ref m0, cols);
                ref float m2 = ref Unsafe.Add(ref m1, cols);
                ref float m3 = ref Unsafe.Add(ref m2, cols);
                var a0 = Vector256<float>.Zero;
                var a1 = Vector256<float>.Zero;
                var a2 = Vector256<float>.Zero;
                var a3 = Vector256<float>.Zero;
                for (int c = 0; c < vectors; c += 8)
                {
                    var v = Vector256.LoadUnsafe(ref px, (nuint)c);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref m0, (nuint)c), v, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref m1, (nuint)c), v, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref m2, (nuint)c), v, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref m3, (nuint)c), v, a3);
                }
                float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
                for (int c = vectors; c < n; c++)
                {
                    float v = Unsafe.Add(ref px, c);
                    s0 += Unsafe.Add(ref m0, c) * v;
                    s1 += Unsafe.Add(ref m1, c) * v;
                    s2 += Unsafe.Add(ref m2, c) * v;
                    s3 += Unsafe.Add(ref m3, c) * v;
                }
                y[r] += s0;
                y[r + 1] += s1;
                y[r + 2] += s2;
                y[r + 3] += s3;
            }
        }
        for (; r < y.Length; r++) y[r] += Dot(m.Slice(r * cols + first, n), x);
    }

    /// <summary>y[i] += x[i].</summary>
    public static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        int n = y.Length, i = 0;
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                (Vector256.LoadUnsafe(ref py, (nuint)i) + Vector256.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref py, i) += Unsafe.Add(ref px, i);
    }

    /// <summary>x[i] ← 1 / (1 + e^(−x[i])), eight at a time: a scalar exp per value was a fifth of the tier's time.</summary>
    public static void Sigmoid(Span<float> x) => Logistic(x, 1f, 1f, 0f);

    /// <summary>x[i] ← tanh(x[i]), as 2·σ(2x) − 1 (libm's tanhf, through expm1f, was the largest single cost).</summary>
    public static void Tanh(Span<float> x) => Logistic(x, 2f, 2f, -1f);

    /// <summary>x[i] ← scale / (1 + e^(−slope·x[i])) + shift.</summary>
    private static void Logistic(Span<float> x, float slope, float scale, float shift)
    {
        int n = x.Length, i = 0;
        ref float p = ref MemoryMarshal.GetReference(x);
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            var minusSlope = Vector256.Create(-slope);
            var scaled = Vector256.Create(scale);
            var shifted = Vector256.Create(shift);
            for (; i <= n - 8; i += 8)
            {
                var e = Vector256.Exp(Vector256.LoadUnsafe(ref p, (nuint)i) * minusSlope);
                (scaled / (one + e) + shifted).StoreUnsafe(ref p, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref p, i) = scale / (1f + MathF.Exp(-slope * Unsafe.Add(ref p, i))) + shift;
    }

    /// <summary>y[i] ← a[i]·b[i].</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] = a[i] * b[i];
    }
}
