using Extractor.Cli;

namespace Extractor.Tests.Cli;

public class HugePagesTests
{
    [Fact]
    public void AnonymousRuns_MergeAdjacentMappingsWithoutAPath()
    {
        string[] maps =
        [
            "55c50d1ba000-55c50d1c9000 r--p 00000000 fe:00 331651                     /tmp/aot/extractor",
            "7f4a76d8e000-7f4a79400000 ---p 00000000 00:00 0",
            "7f4a79400000-7f4a79401000 rw-p 00000000 00:00 0",
            "7f4a79401000-7f564400c000 ---p 00000000 00:00 0",
            "7f5644100000-7f5644200000 rw-p 00000000 00:00 0",
            "7ffe62f7e000-7ffe62f9f000 rw-p 00000000 00:00 0                          [stack]",
        ];

        Assert.Equal([(0x7f4a76d8e000UL, 0x7f564400c000UL), (0x7f5644100000UL, 0x7f5644200000UL)], HugePages.AnonymousRuns(maps));
    }

    [Fact]
    public void Advise_OnLinux_FindsTheCollectorsReservation()
    {
        ulong advised = HugePages.Advise();

        if (OperatingSystem.IsLinux()) Assert.True(advised >= 1UL << 30, $"advised {advised} bytes");
        else Assert.Equal(0UL, advised);
    }
}
