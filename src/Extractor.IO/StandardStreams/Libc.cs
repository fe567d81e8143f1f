using System.Runtime.InteropServices;

namespace Extractor.IO.StandardStreams;

/// <summary>The few POSIX calls that .NET does not expose for an inherited descriptor: a write at the shared file position, and rewinding a file after a failed write.</summary>
internal static partial class Libc
{
    public const int EINTR = 4;
    public static readonly int EAGAIN = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 35 : 11;
    public const int EPIPE = 32;
    public const int FD_CLOEXEC = 1;
    private const int GetDescriptorFlags = 1;
    private const int SeekCurrent = 1;
    private const int SeekSet = 0;

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    private static partial int Truncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Control(int fd, int command);

    /// <summary>fcntl(F_GETFD): the descriptor's flags (<see cref="FD_CLOEXEC"/>), or -1 when it is not open.</summary>
    public static int DescriptorFlags(int fd) => Control(fd, GetDescriptorFlags);

    /// <summary>write(2): bytes written, or -1 with <paramref name="errno"/> set.</summary>
    public static nint Write(int fd, ReadOnlySpan<byte> buffer, out int errno)
    {
        nint n = Write(fd, buffer, buffer.Length);
        errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
        return n;
    }

    /// <summary>The descriptor's shared file position, or -1 for a pipe, socket or terminal (no position).</summary>
    public static long Position(int fd) => Seek(fd, 0, SeekCurrent);

    /// <summary>Cuts a regular file back to <paramref name="length"/> bytes and puts its shared position there; false where that is not possible (a device, a pipe).</summary>
    public static bool TruncateTo(int fd, long length) => Truncate(fd, length) == 0 && Seek(fd, length, SeekSet) == length;

    /// <summary>strerror(3) for <paramref name="errno"/>.</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
