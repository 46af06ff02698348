
namespace Collections.Pipeline.Storage.Entities;

/// <summary>A <c>LedgerFiles</c> row of partition <c>sha</c>: content hash of an applied file -> its file id (duplicate detection).</summary>
internal sealed class LedgerShaEntity : TableRow
{
    public const string Partition = "sha";

    public LedgerShaEntity() => PartitionKey = Partition;

    public string FileId { get; set; } = "";
}
