using System.Runtime.InteropServices;

namespace Extractor.IO.FileSystem;

/// <summary>What kind of file system object a path names.</summary>
internal enum FileKind
{
    /// <summary>Nothing there (or it cannot be looked at).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Folder,
    /// <summary>A named pipe (FIFO): reading waits for a writer, writing for a reader.</summary>
    Fifo,
    /// <summary>A character or block device (<c>/dev/null</c>, <c>/dev/zero</c>, a terminal, a disk).</summary>
    Device,
    /// <summary>A socket.</summary>
    Socket,
}

/// <summary>The file type behind a path, which .NET does not expose (it reports a FIFO and <c>/dev/zero</c> as "Normal" files).</summary>
/// <remarks>Asks statx(2), whose record has the same layout on every Linux architecture; elsewhere only folders, files
/// and paths under <c>/dev/</c> are told apart.</remarks>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const uint StatxIno = 0x100;
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, Span<byte> buffer);

    /// <summary>The kind of object at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            Span<byte> buffer = stackalloc byte[StatxSize];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return FileKind.Missing;
                int type = BitConverter.ToUInt16(buffer[ModeOffset..]) & 0xF000;
                return type switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Folder,
                    0x1000 => FileKind.Fifo,
                    0xC000 => FileKind.Socket,
                    _ => FileKind.Device,
                };
            }
            catch (EntryPointNotFoundException)
            {
                // A C library older than statx (glibc 2.28): fall through to the coarse answer.
            }
        }
        if (Directory.Exists(path)) return FileKind.Folder;
        if (!File.Exists(path)) return FileKind.Missing;
        return Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.Device : FileKind.Regular;
    }

    /// <summary>The device and inode of the file at <paramref name="path"/> (links followed), or null where they cannot be
    /// had: two paths with one identity are one file, whatever links, hard links or <c>..</c> lie between them.</summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxIno, buffer) != 0) return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        ulong device = ((ulong)BitConverter.ToUInt32(buffer[DeviceMajorOffset..]) << 32) | BitConverter.ToUInt32(buffer[(DeviceMajorOffset + 4)..]);
        return (device, BitConverter.ToUInt64(buffer[InodeOffset..]));
    }
}
