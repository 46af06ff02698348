using Collections.Pipeline.LedgerFiles;

namespace Collections.Pipeline.Storage.Entities;

/// <summary>A <c>LedgerFiles</c> row of partition <c>file</c>: one per dropped file, row key = the file id.</summary>
internal sealed class LedgerFileEntity : TableRow
{
    public const string Partition = "file";

    public LedgerFileEntity() => PartitionKey = Partition;

    public string FileName { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public string Status { get; set; } = nameof(LedgerFileStatus.Received);

    public string? Sha256 { get; set; }

    public string? Entity { get; set; }

    /// <summary>yyyy-MM-dd (tables have no date type).</summary>
    public string? AsOf { get; set; }

    public int RowsValidated { get; set; }

    public int? RowsTotal { get; set; }

    public int AccountsApplied { get; set; }

    public int? AccountsTotal { get; set; }

    public int ErrorCount { get; set; }

    public string? Message { get; set; }

    public string? ReportBlob { get; set; }

    public string? ReportCsvBlob { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? DuplicateOf { get; set; }

    public static LedgerFileEntity From(LedgerFileRecord r) => new()
    {
        RowKey = r.Id,
        FileName = r.FileName,
        ReceivedAt = r.ReceivedAt,
        Status = r.Status.ToString(),
        Sha256 = r.Sha256,
        Entity = r.Entity,
        AsOf = TableDates.Format(r.AsOf),
        RowsValidated = r.RowsValidated,
        RowsTotal = r.RowsTotal,
        AccountsApplied = r.AccountsApplied,
        AccountsTotal = r.AccountsTotal,
        ErrorCount = r.ErrorCount,
        Message = r.Message,
        ReportBlob = r.ReportBlob,
        ReportCsvBlob = r.ReportCsvBlob,
        CompletedAt = r.CompletedAt,
        DuplicateOf = r.DuplicateOf,
    };

    public LedgerFileRecord ToRecord() => new(RowKey, FileName, ReceivedAt)
    {
        Status = Enum.Parse<LedgerFileStatus>(Status, ignoreCase: false),
        Sha256 = Sha256,
        Entity = Entity,
        AsOf = TableDates.Parse(AsOf),
        RowsValidated = RowsValidated,
        RowsTotal = RowsTotal,
        AccountsApplied = AccountsApplied,
        AccountsTotal = AccountsTotal,
        ErrorCount = ErrorCount,
        Message = Message,
        ReportBlob = ReportBlob,
        ReportCsvBlob = ReportCsvBlob,
        CompletedAt = CompletedAt,
        DuplicateOf = DuplicateOf,
        ETag = ETag.ToString(),
    };
}
