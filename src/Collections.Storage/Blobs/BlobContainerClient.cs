using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Blobs;

/// <summary>Operations on one blob container.</summary>
public sealed class BlobContainerClient
{
    private readonly StorageServiceContext _context;

    internal BlobContainerClient(StorageServiceContext context, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _context = context;
        Name = name;
        UriString = context.Endpoint + "/" + Uri.EscapeDataString(name);
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container URL.</summary>
    public Uri Uri => new(UriString);

    internal string UriString { get; }

    /// <summary>A client for one blob (no request is made). Slashes in the name make virtual directories.</summary>
    public BlobClient GetBlobClient(string blobName) => new(_context, this, blobName);

    /// <summary>Creates the container; 409 <c>ContainerAlreadyExists</c> if it exists.</summary>
    public async Task<Response> CreateAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, UriString + "?restype=container");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the container unless it exists. Returns <see langword="true"/> when it was created.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, UriString + "?restype=container");
        var response = await _context.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the container and its blobs.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, UriString + "?restype=container");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the container exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Head, UriString + "?restype=container");
        var response = await _context.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status == 200;
    }

    /// <summary>
    /// Lists blobs whose names start with <paramref name="prefix"/>, page by page (the service's opaque
    /// <c>NextMarker</c> is the continuation token). With a <paramref name="delimiter"/> (usually <c>/</c>), names
    /// below the next delimiter come back once as a prefix item.
    /// </summary>
    public AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, string? delimiter = null, bool includeMetadata = false, CancellationToken cancellationToken = default) =>
        new StoragePageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, delimiter, includeMetadata, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? delimiter, bool includeMetadata, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        var query = StorageUri.Query(
            ("restype", "container"),
            ("comp", "list"),
            ("prefix", prefix),
            ("delimiter", delimiter),
            ("marker", marker),
            ("maxresults", pageSize?.ToString(CultureInfo.InvariantCulture)),
            ("include", includeMetadata ? "metadata" : null));
        using var message = _context.CreateMessage(RequestMethod.Get, UriString + query);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var root = XDocument.Parse(response.Content.ToString()).Root!;
        var items = new List<BlobItem>();
        var blobs = root.Element("Blobs");
        foreach (var element in blobs?.Elements() ?? [])
        {
            if (string.Equals(element.Name.LocalName, "BlobPrefix", StringComparison.Ordinal))
            {
                items.Add(new BlobItem { Name = element.Element("Name")!.Value, IsPrefix = true });
                continue;
            }

            var properties = element.Element("Properties");
            var metadata = element.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            items.Add(new BlobItem
            {
                Name = element.Element("Name")!.Value,
                ContentLength = long.TryParse(properties?.Element("Content-Length")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0,
                ContentType = properties?.Element("Content-Type")?.Value,
                ETag = properties?.Element("Etag")?.Value is { } etag ? new ETag(etag) : default,
                LastModified = BlobProtocol.ParseDate(properties?.Element("Last-Modified")?.Value),
                Metadata = metadata,
            });
        }

        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }
}
