namespace Extractor.IO.StandardStreams;

/// <summary>Which standard descriptors the process was started without (<c>&lt;&amp;-</c>, <c>&gt;&amp;-</c>).</summary>
/// <remarks>
/// A closed descriptor does not stay empty: the runtime opens pipes of its own before <c>Main</c> runs, and the
/// lowest free numbers go to them. Reading "standard input" then waited forever on such a pipe, and writing
/// "standard output" hit its read end. The runtime opens its descriptors close-on-exec, while an inherited one
/// cannot be (it would not have survived the exec), so a standard descriptor with that flag, or none at all,
/// was closed when the process started.
/// </remarks>
internal static class StandardDescriptors
{
    /// <summary>Whether descriptor <paramref name="fd"/> (0, 1 or 2) was closed when the process started.</summary>
    public static bool WasClosed(int fd) => !OperatingSystem.IsWindows() && Libc.DescriptorFlags(fd) is var flags && (flags < 0 || (flags & Libc.FD_CLOEXEC) != 0);
}
