using Extractor.Recognition.Decoding;

namespace Extractor.Tests.Recognition;

/// <summary>Its marginals are held to brute force in <see cref="ViterbiDecoderTests"/>; here, the types it computes in.</summary>
public class ForwardBackwardTests
{
    [Fact]
    public void New_InAnotherTypeThanFloatOrDouble_IsRefused()
    {
        // The scalar helpers switch on float and double only; any other type would take the double branch's casts.
        var e = Assert.Throws<NotSupportedException>(() => new ForwardBackward<int>());

        Assert.Contains("Int32", e.Message);
        _ = new ForwardBackward<float>();
        _ = new ForwardBackward<double>();
    }
}
