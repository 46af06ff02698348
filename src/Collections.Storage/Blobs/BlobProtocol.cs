using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Blobs;

/// <summary>Header plumbing shared by the blob clients.</summary>
internal static partial class BlobProtocol
{
    private const string MetaPrefix = "x-ms-meta-";

    public static void ApplyConditions(HttpMessage message, BlobRequestConditions? conditions, bool write)
    {
        if (conditions is null)
        {
            return;
        }

        var headers = message.Request.Headers;
        if (conditions.IfMatch is { } ifMatch)
        {
            headers.SetValue("If-Match", ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            headers.SetValue("If-None-Match", ifNoneMatch.ToString("H"));
        }

        if (conditions.LeaseId is { } leaseId)
        {
            headers.SetValue("x-ms-lease-id", leaseId);
        }

        if (write && (conditions.IfNoneMatch is not null || (conditions.IfMatch is { } m && m != ETag.All)))
        {
            StorageRetryPolicy.MarkNonRetriable(message);
        }
    }

    public static void ApplyMetadata(HttpMessage message, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            ValidateMetadataName(name);
            message.Request.Headers.SetValue(MetaPrefix + name, value);
        }
    }

    public static void ValidateMetadataName(string name)
    {
        if (!IdentifierRegex().IsMatch(name))
        {
            throw new ArgumentException($"Metadata name '{name}' is not a C# identifier (letters, digits and '_', not starting with a digit).", nameof(name));
        }
    }

    public static BlobProperties ReadProperties(Response response)
    {
        var headers = response.Headers;
        string? H(string name) => headers.TryGetValue(name, out var v) ? v : null;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetaPrefix.Length..]] = header.Value;
            }
        }

        return new BlobProperties
        {
            ContentLength = headers.ContentLength ?? 0,
            ContentType = headers.ContentType,
            ETag = headers.ETag ?? default,
            LastModified = ParseDate(H("Last-Modified")),
            Metadata = metadata,
            LeaseState = H("x-ms-lease-state"),
            LeaseStatus = H("x-ms-lease-status"),
            CopyStatus = H("x-ms-copy-status"),
            CopyId = H("x-ms-copy-id"),
            BlobType = H("x-ms-blob-type"),
        };
    }

    public static BlobContentInfo ReadContentInfo(Response response) => new()
    {
        ETag = response.Headers.ETag ?? default,
        LastModified = ParseDate(response.Headers.TryGetValue("Last-Modified", out var v) ? v : null),
    };

    public static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();
}
