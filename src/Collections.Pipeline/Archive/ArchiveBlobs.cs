using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Archive;

/// <summary>
/// The archive's blobs: UTF-8 JSON lines, each written once with <c>If-None-Match: *</c> (the SDK refuses to replace
/// an existing blob; in Azure the container's immutability policy refuses it too), carrying their line count and
/// SHA-256 in metadata.
/// </summary>
internal sealed class ArchiveBlobs(BlobContainerClient container)
{
    private const string ContentType = "application/x-ndjson; charset=utf-8";

    public BlobContainerClient Container => container;

    public static string Serialize(ArchivedCase archived) => JsonSerializer.Serialize(archived, CaseJson.Options);

    public static ArchivedCase Deserialize(string line) =>
        JsonSerializer.Deserialize<ArchivedCase>(line, CaseJson.Options) ?? throw new InvalidDataException("An archive line is null.");

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Creates the blob; never replaces one. A blob already there with the same content (an SDK retry of a create
    /// whose answer was lost) counts as written; with other content the write fails.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is taken by other content.</exception>
    public async Task<string> CreateAsync(string name, IReadOnlyList<string> lines, string runId, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["sha256"] = sha,
                ["lines"] = lines.Count.ToString(CultureInfo.InvariantCulture),
                ["runid"] = runId,
            },
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(new BinaryData(content), options, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(existing.Value.Content.ToMemory().Span)), sha, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Archive blob {name} already exists with other content; it is never replaced.", ex);
            }
        }

        return sha;
    }

    /// <summary>Reads the blob back and checks its line count and SHA-256 against what was written.</summary>
    /// <exception cref="InvalidDataException">The blob differs.</exception>
    public async Task VerifyAsync(string name, int lineCount, string sha256, CancellationToken cancellationToken)
    {
        var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        var bytes = download.Value.Content.ToMemory();
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var lines = bytes.Span.Count((byte)'\n');
        if (!string.Equals(actual, sha256, StringComparison.Ordinal) || lines != lineCount)
        {
            throw new InvalidDataException($"Archive blob {name} read back as {lines} lines with SHA-256 {actual}; {lineCount} lines with {sha256} were written.");
        }
    }

    /// <summary>The blob's lines, or null when it does not exist.</summary>
    public async Task<IReadOnlyList<string>?> ReadLinesAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
