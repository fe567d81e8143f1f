using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

/// <summary>What counts as the runtime refusing an allocation, so that it is one input's failure, not a stack trace.</summary>
public class MemoryShortageTests
{
    [Fact]
    public void AnAllocationRefused_WhileATypeInitialized_IsAShortage()
    {
        Assert.True(MemoryShortage.Caused(new OutOfMemoryException()));
        // As System.Text.Json's caches fail on the first record written under a memory limit.
        Assert.True(MemoryShortage.Caused(new TypeInitializationException("TrackedCachingContexts", new OutOfMemoryException())));
        Assert.True(MemoryShortage.Caused(new TypeInitializationException("Outer", new TypeInitializationException("Inner", new OutOfMemoryException()))));
    }

    [Fact]
    public void OtherFailures_AreNot()
    {
        Assert.False(MemoryShortage.Caused(new InvalidOperationException()));
        Assert.False(MemoryShortage.Caused(new TypeInitializationException("Broken", new InvalidOperationException())));
        Assert.False(MemoryShortage.Caused(new TypeInitializationException("Broken", null)));
    }
}
