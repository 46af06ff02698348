using System.Globalization;
using Azure;
using Azure.Core;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Blobs;

/// <summary>Acquires, renews and releases a blob lease (the single-processing signal: 409 <c>LeaseAlreadyPresent</c> means someone else has it).</summary>
public sealed class BlobLeaseClient
{
    /// <summary>Pass as the duration to acquire a lease that never expires.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = Timeout.InfiniteTimeSpan;

    private readonly StorageServiceContext _context;
    private readonly BlobClient _blob;

    internal BlobLeaseClient(StorageServiceContext context, BlobClient blob, string leaseId)
    {
        _context = context;
        _blob = blob;
        LeaseId = leaseId;
    }

    /// <summary>The lease id this client proposes, renews and releases.</summary>
    public string LeaseId { get; private set; }

    /// <summary>Acquires the lease for 15 to 60 seconds, or <see cref="InfiniteLeaseDuration"/>.</summary>
    public async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        string seconds;
        if (duration == InfiniteLeaseDuration)
        {
            seconds = "-1";
        }
        else if (duration >= TimeSpan.FromSeconds(15) && duration <= TimeSpan.FromSeconds(60))
        {
            seconds = ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 seconds, or InfiniteLeaseDuration.");
        }

        var response = await SendAsync("acquire", message =>
        {
            message.Request.Headers.SetValue("x-ms-lease-duration", seconds);
            message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        }, cancellationToken).ConfigureAwait(false);
        LeaseId = response.Headers.TryGetValue("x-ms-lease-id", out var id) ? id : LeaseId;
        return Response.FromValue(ReadLease(response), response);
    }

    /// <summary>Renews the lease (restarts its duration).</summary>
    public async Task<Response<BlobLease>> RenewAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("renew", message => message.Request.Headers.SetValue("x-ms-lease-id", LeaseId), cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadLease(response), response);
    }

    /// <summary>Releases the lease so another worker can acquire it.</summary>
    public async Task<Response> ReleaseAsync(CancellationToken cancellationToken = default) =>
        await SendAsync("release", message => message.Request.Headers.SetValue("x-ms-lease-id", LeaseId), cancellationToken).ConfigureAwait(false);

    private async Task<Response> SendAsync(string action, Action<HttpMessage> configure, CancellationToken cancellationToken)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, _blob.UriString + "?comp=lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        configure(message);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private BlobLease ReadLease(Response response) => new()
    {
        LeaseId = LeaseId,
        ETag = response.Headers.ETag ?? default,
        LastModified = BlobProtocol.ParseDate(response.Headers.TryGetValue("Last-Modified", out var v) ? v : null),
    };
}
