using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Blobs;

/// <summary>Operations on one block blob.</summary>
public sealed class BlobClient
{
    private readonly StorageServiceContext _context;
    private readonly BlobClientOptions _options;

    internal BlobClient(StorageServiceContext context, BlobContainerClient container, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _context = context;
        _options = (BlobClientOptions)context.Options;
        Container = container;
        Name = name;
        UriString = container.UriString + "/" + StorageUri.EncodePath(name);
    }

    /// <summary>The blob name.</summary>
    public string Name { get; }

    /// <summary>The container holding this blob.</summary>
    public BlobContainerClient Container { get; }

    /// <summary>The blob URL.</summary>
    public Uri Uri => new(UriString);

    internal string UriString { get; }

    /// <summary>Uploads bytes in one Put Blob.</summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var message = _context.CreateMessage(RequestMethod.Put, UriString);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        ApplyBlobHeaders(message, options);
        message.Request.Content = RequestContent.Create(content.ToMemory());
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobProtocol.ReadContentInfo(response), response);
    }

    /// <summary>
    /// Uploads a stream: one Put Blob up to <see cref="BlobClientOptions.SingleUploadThreshold"/> bytes, otherwise
    /// Put Block per <see cref="BlobClientOptions.BlockSize"/> and one Put Block List carrying the content type,
    /// metadata and conditions.
    /// </summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        // One byte past the threshold tells a single Put Blob from blocks; a seekable stream says how much is left.
        var firstSize = _options.SingleUploadThreshold + 1;
        if (content.CanSeek)
        {
            firstSize = (int)Math.Clamp(content.Length - content.Position, 0, firstSize);
        }

        var first = new byte[firstSize];
        var read = await content.ReadAtLeastAsync(first, first.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read <= _options.SingleUploadThreshold)
        {
            return await UploadAsync(BinaryData.FromBytes(first.AsMemory(0, read)), options, cancellationToken).ConfigureAwait(false);
        }

        var blockIds = new List<string>();
        var leaseId = options?.Conditions?.LeaseId;
        var offset = 0;
        while (offset < read)
        {
            var size = Math.Min(_options.BlockSize, read - offset);
            await StageBlockAsync(blockIds, first.AsMemory(offset, size), leaseId, cancellationToken).ConfigureAwait(false);
            offset += size;
        }

        var buffer = new byte[_options.BlockSize];
        while (true)
        {
            var n = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            await StageBlockAsync(blockIds, buffer.AsMemory(0, n), leaseId, cancellationToken).ConfigureAwait(false);
        }

        return await CommitBlockListAsync(blockIds, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task StageBlockAsync(List<string> blockIds, ReadOnlyMemory<byte> data, string? leaseId, CancellationToken cancellationToken)
    {
        // Every id in a blob must have the same length: a fixed-width counter, Base64-encoded.
        var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
        using var message = _context.CreateMessage(RequestMethod.Put, UriString + StorageUri.Query(("comp", "block"), ("blockid", blockId)));
        if (leaseId is not null)
        {
            message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        }

        message.Request.Content = RequestContent.Create(data);
        await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        blockIds.Add(blockId);
    }

    private async Task<Response<BlobContentInfo>> CommitBlockListAsync(List<string> blockIds, BlobUploadOptions? options, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }

        xml.Append("</BlockList>");
        using var message = _context.CreateMessage(RequestMethod.Put, UriString + "?comp=blocklist");
        if (options?.ContentType is { } contentType)
        {
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }

        BlobProtocol.ApplyMetadata(message, options?.Metadata);
        BlobProtocol.ApplyConditions(message, options?.Conditions, write: true);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString()));
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobProtocol.ReadContentInfo(response), response);
    }

    private static void ApplyBlobHeaders(HttpMessage message, BlobUploadOptions? options)
    {
        if (options?.ContentType is { } contentType)
        {
            message.Request.Headers.SetValue("Content-Type", contentType);
        }

        BlobProtocol.ApplyMetadata(message, options?.Metadata);
        BlobProtocol.ApplyConditions(message, options?.Conditions, write: true);
    }

    /// <summary>Starts a download and returns as soon as the headers arrive; the body is read from the network as the caller reads <see cref="BlobDownloadStreamingResult.Content"/>.</summary>
    public async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = _context.CreateMessage(RequestMethod.Get, UriString);
        try
        {
            message.BufferResponse = false;
            BlobProtocol.ApplyConditions(message, conditions, write: false);
            var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var stream = message.ExtractResponseContent() ?? Stream.Null;
            // The message is not disposed on success: the caller owns the network stream through the result.
            return Response.FromValue(new BlobDownloadStreamingResult(stream, BlobProtocol.ReadProperties(response)), response);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Downloads the whole blob into memory.</summary>
    public async Task<Response<BinaryData>> DownloadContentAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Get, UriString);
        BlobProtocol.ApplyConditions(message, conditions, write: false);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Content, response);
    }

    /// <summary>Properties and metadata (HEAD). 404 <c>BlobNotFound</c> if missing.</summary>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Head, UriString);
        BlobProtocol.ApplyConditions(message, conditions, write: false);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobProtocol.ReadProperties(response), response);
    }

    /// <summary>Whether the blob exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Head, UriString);
        var response = await _context.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status == 200;
    }

    /// <summary>Replaces all metadata (the ETag changes).</summary>
    public async Task<Response<BlobContentInfo>> SetMetadataAsync(IReadOnlyDictionary<string, string> metadata, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var message = _context.CreateMessage(RequestMethod.Put, UriString + "?comp=metadata");
        BlobProtocol.ApplyMetadata(message, metadata);
        BlobProtocol.ApplyConditions(message, conditions, write: true);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobProtocol.ReadContentInfo(response), response);
    }

    /// <summary>Deletes the blob (pass the lease id for a leased blob).</summary>
    public async Task<Response> DeleteAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, UriString);
        BlobProtocol.ApplyConditions(message, conditions, write: true);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob if it exists. Returns <see langword="true"/> when it was deleted.</summary>
    public async Task<bool> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, UriString);
        BlobProtocol.ApplyConditions(message, conditions, write: true);
        var response = await _context.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status == 202;
    }

    /// <summary>Starts a server-side copy from <paramref name="source"/> (same account) into this blob.</summary>
    public async Task<Response<BlobCopyInfo>> StartCopyFromUriAsync(Uri source, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sourceUri = source.AbsoluteUri;
        if (_context.Connection.SharedAccessSignature is { } sas && !sourceUri.Contains('?', StringComparison.Ordinal))
        {
            sourceUri += "?" + sas;
        }

        using var message = _context.CreateMessage(RequestMethod.Put, UriString);
        message.Request.Headers.SetValue("x-ms-copy-source", sourceUri);
        BlobProtocol.ApplyConditions(message, conditions, write: true);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadCopyInfo(response), response);
    }

    /// <summary>
    /// Moves this blob to <paramref name="destination"/>: copy, wait while the copy is pending, then delete this blob
    /// (with <paramref name="sourceConditions"/>, e.g. the lease id of the worker that holds it).
    /// </summary>
    /// <exception cref="RequestFailedException">The copy failed or was aborted, or a request failed.</exception>
    public async Task<Response<BlobCopyInfo>> MoveToAsync(BlobClient destination, BlobRequestConditions? sourceConditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var copy = await destination.StartCopyFromUriAsync(Uri, null, cancellationToken).ConfigureAwait(false);
        var info = copy.Value;
        var lastResponse = copy.GetRawResponse();
        while (string.Equals(info.CopyStatus, "pending", StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(_options.CopyPollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            var properties = await destination.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            info = new BlobCopyInfo { CopyId = properties.Value.CopyId, CopyStatus = properties.Value.CopyStatus };
            lastResponse = properties.GetRawResponse();
        }

        if (!string.Equals(info.CopyStatus, "success", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestFailedException(lastResponse.Status, $"Copying '{Name}' to '{destination.Name}' ended with copy status '{info.CopyStatus}'.", "CopyFailed", null);
        }

        await DeleteAsync(sourceConditions, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(info, lastResponse);
    }

    /// <summary>A lease client for this blob; <paramref name="leaseId"/> defaults to a new GUID.</summary>
    public BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(_context, this, leaseId ?? Guid.NewGuid().ToString());

    private static BlobCopyInfo ReadCopyInfo(Response response) => new()
    {
        CopyId = response.Headers.TryGetValue("x-ms-copy-id", out var id) ? id : null,
        CopyStatus = response.Headers.TryGetValue("x-ms-copy-status", out var status) ? status : null,
    };
}
