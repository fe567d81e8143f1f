using System.Text;

namespace Extractor.IO.Sources;

/// <summary>Opening and reading input files with the expected failures turned into reasons instead of exceptions.</summary>
internal static class InputFiles
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Opens <paramref name="path"/> for sequential reading, or says why it cannot be.</summary>
    public static Stream? TryOpen(string path, out string reason)
    {
        try
        {
            reason = "";
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (Describe(exception) is { } described)
        {
            // .NET decodes file names as UTF-8 and cannot name a file whose name is not: the U+FFFD it read in its
            // place opens nothing, and "not found" would send the user looking for a file that is there.
            reason = described == "not found" && path.Contains('\uFFFD') ? NameNotUtf8 : described;
            return null;
        }
    }

    /// <summary>Why a file listed in a folder cannot be opened when its name is not valid UTF-8.</summary>
    public const string NameNotUtf8 = "file name is not valid UTF-8, which .NET cannot open; rename the file (convmv -f latin1 -t utf-8)";

    /// <summary>
    /// All bytes of <paramref name="path"/>, or null with a reason: unreadable, or larger than
    /// <paramref name="maxBytes"/> (checked before reading when the file has a length, so a huge file is never read).
    /// </summary>
    public static byte[]? TryReadAll(string path, long maxBytes, out string reason)
    {
        using var stream = TryOpen(path, out reason);
        if (stream is null)
        {
            return null;
        }
        try
        {
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                reason = TooLarge(maxBytes);
                return null;
            }
            var bytes = ReadBounded(stream, maxBytes);
            reason = bytes is null ? TooLarge(maxBytes) : "";
            return bytes;
        }
        catch (Exception exception) when (Describe(exception) is { } described)
        {
            reason = described;
            return null;
        }
    }

    /// <summary>All of <paramref name="reader"/>, or null when it holds more than <paramref name="maxBytes"/> bytes once encoded as UTF-8.</summary>
    public static string? ReadBounded(TextReader reader, long maxBytes)
    {
        var text = new StringBuilder();
        var buffer = new char[ChunkSize];
        long bytes = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            // Counted in UTF-8 bytes, as files are (a surrogate pair split across two reads counts 6 bytes, not 4).
            bytes += Encoding.UTF8.GetByteCount(buffer, 0, read);
            if (bytes > maxBytes)
            {
                return null;
            }
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    /// <summary>The failure reason for a document over the size limit.</summary>
    public static string TooLarge(long maxBytes) => $"larger than --max-document-size ({DescribeSize(maxBytes)})";

    /// <summary>A size the way a user wrote it: <c>50 MB</c>, <c>64 KB</c>, <c>1000 bytes</c> (binary multiples).</summary>
    public static string DescribeSize(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>The text's size in UTF-8 bytes, the unit <c>--max-document-size</c> counts in for files and dataset rows alike.</summary>
    /// <remarks>Characters stop being counted once past <see cref="int.MaxValue"/> bytes' worth: the limit is far below.</remarks>
    public static long Utf8Length(string text) => text.Length > int.MaxValue / 3 ? (long)text.Length * 3 : System.Text.Encoding.UTF8.GetByteCount(text);

    /// <summary>The reason to report for an expected file-system failure; null for anything else, which is a bug.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "not found",
        IOException io => DiagnosticText.Reason(io),
        _ => null,
    };

    private static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        // A file of known size is read straight into an array of that size: a 64 KB chunk and a growing copy
        // per file were 80 KB of garbage for each 3 KB news article.
        if (stream.CanSeek && stream.Length - stream.Position is var length and <= int.MaxValue && length <= maxBytes)
        {
            var exact = new byte[length];
            int filled = stream.ReadAtLeast(exact, exact.Length, throwOnEndOfStream: false);
            int next = filled == exact.Length ? stream.ReadByte() : -1;
            if (next < 0) return filled == exact.Length ? exact : exact[..filled];
            // The file grew while it was read: keep what came and read on.
            using var grown = new MemoryStream();
            grown.Write(exact);
            grown.WriteByte((byte)next);
            return ReadRest(stream, grown, maxBytes);
        }
        using var memory = new MemoryStream();
        return ReadRest(stream, memory, maxBytes);
    }

    private static byte[]? ReadRest(Stream stream, MemoryStream memory, long maxBytes)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            if (memory.Length > maxBytes) return null;
            int read;
            while ((read = stream.Read(buffer, 0, ChunkSize)) > 0)
            {
                if (memory.Length + read > maxBytes) return null;
                memory.Write(buffer, 0, read);
            }
            return memory.ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
