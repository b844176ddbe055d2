using System.Buffers;
using System.IO.Compression;

namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>A request body read into a pooled buffer, at most a given size; returns the buffer when disposed.</summary>
internal sealed class PooledBody : IDisposable
{
    private const int DefaultInitialSize = 64 * 1024;
    private byte[] _buffer;

    private PooledBody(int initialSize)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Reads all of <paramref name="stream"/>; null (nothing kept) when it holds more than <paramref name="limit"/> bytes.</summary>
    public static async Task<PooledBody?> ReadAsync(Stream stream, int limit, long? expectedLength, CancellationToken cancellationToken)
    {
        var initial = expectedLength is > 0 ? (int)Math.Min(expectedLength.Value + 1, limit + 1L) : Math.Min(DefaultInitialSize, limit + 1);
        var body = new PooledBody(initial);
        try
        {
            while (true)
            {
                if (body.Length == body._buffer.Length)
                {
                    if (body.Length > limit)
                    {
                        body.Dispose();
                        return null;
                    }

                    body.Grow(Math.Min(body._buffer.Length * 2L, limit + 1L));
                }

                var read = await stream.ReadAsync(body._buffer.AsMemory(body.Length), cancellationToken);
                if (read == 0)
                {
                    return body;
                }

                body.Length += read;
                if (body.Length > limit)
                {
                    body.Dispose();
                    return null;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decompresses a gzip body; null when the decompressed size exceeds <paramref name="limit"/>. Throws
    /// <see cref="InvalidDataException"/> when it is not gzip.
    /// </summary>
    public async Task<PooledBody?> GunzipAsync(int limit, CancellationToken cancellationToken)
    {
        using var compressed = new MemoryStream(_buffer, 0, Length, writable: false);
        await using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        return await ReadAsync(gzip, limit, Math.Min(Length * 4L, limit), cancellationToken);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(long size)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
