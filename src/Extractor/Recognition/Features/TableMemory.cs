using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Extractor.Recognition.Features;

/// <summary>Read-only memory whose bytes a model's tables are views of (<see cref="Block{T}"/>): a model file mapped into
/// the process, a resource in the binary's own image, or a pinned copy of bytes.</summary>
/// <remarks>
/// Why mapped (issue #33): reading the model into arrays (a 4.7 MB file parsed into some 30 MB of tables) made every
/// start-up copy it, fault in the fresh pages one 4 KB page at a time, and trigger full collections of the
/// large-object heap, which moved the tables again: about half of a one-article run. A mapped file's pages come
/// from the page cache as the tagger touches them. The memory stays valid while anything refers to this object (the
/// tables hold it through their blocks); a mapping is released when it is collected. A model file renamed over while
/// a run uses it leaves the run on its old bytes (writers here replace files by renaming); one truncated in place
/// stops the run with a bus error at its next read of a page that is gone (README, docs/errors.md).
/// This file and <see cref="Block{T}"/> are the library's only unsafe code.
/// </remarks>
internal sealed unsafe class TableMemory
{
    // What keeps the bytes alive (the mapping, the pinned array, the resource stream); never read.
    private readonly object _owner;

    private TableMemory(byte* pointer, int length, object owner)
    {
        Pointer = pointer;
        Length = length;
        _owner = owner;
    }

    /// <summary>The first byte.</summary>
    internal byte* Pointer { get; }

    /// <summary>The number of bytes.</summary>
    public int Length { get; }

    /// <summary>All the bytes.</summary>
    public ReadOnlySpan<byte> Bytes => new(Pointer, Length);

    /// <summary>A stream over the bytes from <paramref name="offset"/> (for the small fields a reader parses one by one).</summary>
    public Stream OpenStream(int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > Length) throw new ArgumentOutOfRangeException(nameof(offset));
        return new UnmanagedMemoryStream(Pointer + offset, length);
    }

    /// <summary><paramref name="p"/> rounded up to a multiple of 8: where a stored block starts, so that every value in it
    /// is read aligned (a mapping starts on a page).</summary>
    public static int Aligned(int p) => (p + 7) & ~7;

    /// <summary>Reads a stored block (its count, then from the next multiple of 8 bytes that many values) at byte
    /// <paramref name="p"/>, which it advances past the block; the block is a view, not a copy.</summary>
    /// <exception cref="FormatException">The count is negative or the values run past the end.</exception>
    public Block<T> ReadBlock<T>(ref int p, string what) where T : unmanaged
    {
        if (p < 0 || (long)p + 4 > Length) throw new FormatException($"stored {what}s run past the end");
        int count = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes[p..]);
        p = Aligned(p + 4);
        if (count < 0 || (long)p + (long)count * sizeof(T) > Length) throw new FormatException($"{count} stored {what}s run past the end");
        var block = new Block<T>(this, p, count);
        p += count * sizeof(T);
        return block;
    }

    /// <summary>Writes a block as <see cref="ReadBlock{T}"/> reads it: the count, zeros up to the next multiple of 8 bytes of the
    /// file (the writer's stream holds the file from byte <paramref name="streamStart"/>), then the values, little-endian.</summary>
    public static void WriteBlock<T>(BinaryWriter w, ReadOnlySpan<T> values, int streamStart) where T : unmanaged
    {
        WriteCount(w, values.Length, streamStart);
        w.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Writes a block's count and the zeros after it (<see cref="WriteBlock{T}"/>), for a caller that writes the
    /// values itself (a struct with padding, whose padding bytes must be written as zeros).</summary>
    public static void WriteCount(BinaryWriter w, int count, int streamStart)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("model files are written on little-endian machines");
        w.Write(count);
        long at = streamStart + w.BaseStream.Position;
        for (long pad = Aligned((int)at) - at; pad > 0; pad--) w.Write((byte)0);
    }

    /// <summary>A pinned copy of <paramref name="bytes"/>.</summary>
    public static TableMemory Copy(ReadOnlySpan<byte> bytes)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(pinned);
        return Over(pinned);
    }

    /// <summary>Maps the first <paramref name="length"/> bytes of the open regular file <paramref name="file"/> read-only; the
    /// caller may close the file afterwards (a mapping outlives its descriptor), and the mapping is released when the
    /// memory is collected.</summary>
    public static TableMemory Map(FileStream file, int length)
    {
        var mapped = MemoryMappedFile.CreateFromFile(file, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        MemoryMappedViewAccessor view;
        try
        {
            view = mapped.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        }
        catch
        {
            mapped.Dispose();
            throw;
        }
        byte* start = (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
        return new TableMemory(start, length, (mapped, view));
    }

    /// <summary>The bytes of <paramref name="stream"/> from its position, without a copy when they already sit in memory (a
    /// resource in a native binary's image), else a pinned copy of its next <paramref name="length"/> bytes.</summary>
    public static TableMemory Of(Stream stream, int length)
    {
        if (stream is UnmanagedMemoryStream memory && memory.Length - memory.Position >= length)
            return new TableMemory(memory.PositionPointer, length, memory);
        var pinned = GC.AllocateUninitializedArray<byte>(length, pinned: true);
        stream.ReadExactly(pinned);
        return Over(pinned);
    }

    /// <summary>The memory of an array on the pinned heap (which never moves it).</summary>
    private static TableMemory Over(byte[] pinned) =>
        new((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), pinned.Length, pinned);
}

/// <summary>A read-only run of <typeparamref name="T"/>: an array, or a view of a <see cref="TableMemory"/>.</summary>
/// <remarks>Tables take blocks where they took arrays, so a table built in memory and one stored in a model file are the
/// same code; reading <see cref="Span"/> costs a branch.</remarks>
internal readonly unsafe struct Block<T> where T : unmanaged
{
    private readonly T[]? _array;
    private readonly T* _pointer;
    // Holds the memory alive for as long as the view is reachable.
    private readonly TableMemory? _memory;

    /// <summary>A block of the array's elements (kept, not copied).</summary>
    public Block(T[] array)
    {
        _array = array;
        Length = array.Length;
    }

    /// <summary>A view of <paramref name="count"/> elements at byte <paramref name="offset"/> of <paramref name="memory"/>.</summary>
    /// <exception cref="FormatException">They do not lie inside the memory.</exception>
    public Block(TableMemory memory, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + (long)count * sizeof(T) > memory.Length)
            throw new FormatException($"{count} stored values at byte {offset} run past the end");
        _memory = memory;
        _pointer = (T*)(memory.Pointer + offset);
        Length = count;
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements.</summary>
    public ReadOnlySpan<T> Span => _array is not null ? _array : new ReadOnlySpan<T>(_pointer, Length);

    public static implicit operator Block<T>(T[] array) => new(array);
}
