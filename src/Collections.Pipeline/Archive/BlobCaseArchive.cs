using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Collections.Pipeline.Archive;

/// <summary>
/// The case archive in Azure Storage: JSON-lines blobs in the archive container (immutable in Azure) and an index
/// table mapping each case id to its blob and line. Reads check each line against the hash the index recorded.
/// </summary>
public sealed class BlobCaseArchive : IArchiveReader
{
    /// <summary>Creates the archive over a container and an index table (both must exist).</summary>
    public BlobCaseArchive(BlobContainerClient container, TableClient index)
    {
        Blobs = new ArchiveBlobs(container);
        Index = new ArchiveIndex(index);
    }

    internal ArchiveBlobs Blobs { get; }

    internal ArchiveIndex Index { get; }

    /// <inheritdoc />
    public async Task<ArchivedCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = await Index.GetAsync(caseId, cancellationToken);
        if (row is not { Committed: true })
        {
            return null;
        }

        var lines = await Blobs.ReadLinesAsync(row.Blob, cancellationToken)
            ?? throw new InvalidDataException($"Archive blob {row.Blob} of case {caseId} is missing.");
        return Line(row, lines);
    }

    /// <inheritdoc />
    public async Task<ArchiveEntry?> GetEntryAsync(string caseId, CancellationToken cancellationToken) =>
        await Index.GetAsync(caseId, cancellationToken) is { Committed: true } row ? row.ToEntry() : null;

    /// <inheritdoc />
    public async IAsyncEnumerable<ArchiveEntry> ListAsync(ArchiveQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var row in Index.QueryAsync(query, cancellationToken))
        {
            yield return row.ToEntry();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ArchivedCase> ReadAsync(ArchiveQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byBlob = new Dictionary<string, List<ArchiveIndexEntity>>(StringComparer.Ordinal);
        await foreach (var row in Index.QueryAsync(query, cancellationToken))
        {
            if (!byBlob.TryGetValue(row.Blob, out var rows))
            {
                byBlob[row.Blob] = rows = [];
            }

            rows.Add(row);
        }

        foreach (var (blob, rows) in byBlob.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var lines = await Blobs.ReadLinesAsync(blob, cancellationToken)
                ?? throw new InvalidDataException($"Archive blob {blob} is missing.");
            foreach (var row in rows.OrderBy(r => r.Line))
            {
                yield return Line(row, lines);
            }
        }
    }

    private static ArchivedCase Line(ArchiveIndexEntity row, IReadOnlyList<string> lines)
    {
        if (row.Line < 0 || row.Line >= lines.Count || !string.Equals(ArchiveBlobs.Sha256(lines[row.Line]), row.LineSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Archive blob {row.Blob} line {row.Line} does not match the index entry of case {row.PartitionKey}.");
        }

        var archived = ArchiveBlobs.Deserialize(lines[row.Line]);
        return string.Equals(archived.CaseId, row.PartitionKey, StringComparison.Ordinal)
            ? archived
            : throw new InvalidDataException($"Archive blob {row.Blob} line {row.Line} holds case {archived.CaseId}, not {row.PartitionKey}.");
    }
}
