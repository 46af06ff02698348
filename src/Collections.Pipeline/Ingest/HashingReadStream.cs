using System.Security.Cryptography;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// A forward-only read wrapper that computes the SHA-256 of every byte read through it. Given the digest
/// up front (a seekable file hashed once already), it only passes bytes through.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash? _hash;
    private string? _hex;

    public HashingReadStream(Stream inner, string? knownSha256 = null)
    {
        _inner = inner;
        _hex = knownSha256;
        _hash = knownSha256 is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Reads whatever is left (so the hash covers the whole content) and returns the lowercase hex digest;
    /// returns the known digest at once.
    /// </summary>
    public string Complete(CancellationToken cancellationToken)
    {
        if (_hex is null)
        {
            var scratch = new byte[81920];
            while (Read(scratch, 0, scratch.Length) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _hex = Convert.ToHexStringLower(_hash!.GetHashAndReset());
        }

        return _hex;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        if (n > 0)
        {
            _hash?.AppendData(buffer[..n]);
            BytesRead += n;
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
        }

        // The caller owns the inner stream.
        base.Dispose(disposing);
    }
}
