using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.WriteOffs;

namespace Collections.Pipeline.Storage.Entities;

/// <summary>
/// A <c>WriteOffs</c> row: partition = entity, row = <c>customer|invoice|currency|case</c> (each part escaped by
/// <see cref="TableKeys"/>, with <c>|</c> escaped too so the parts never run together). One row per case that
/// wrote the item off, so recording again is an idempotent upsert and a second write-off of an increase adds up.
/// </summary>
internal sealed class WriteOffEntity : TableRow
{
    public string Entity { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public string InvoiceId { get; set; } = "";

    public string Currency { get; set; } = "";

    /// <summary>The open amount written off, invariant culture (tables have no decimal type).</summary>
    public string OpenAmount { get; set; } = "0";

    public string CaseId { get; set; } = "";

    public DateTimeOffset WrittenOffAt { get; set; }

    public string? Reason { get; set; }

    public static string KeyPart(string value) => TableKeys.Encode(value).Replace("|", "%7C", StringComparison.Ordinal);

    public static WriteOffEntity From(WrittenOffItem item) => new()
    {
        PartitionKey = TableKeys.Encode(item.Account.Entity),
        RowKey = string.Join('|', KeyPart(item.Account.CustomerId), KeyPart(item.InvoiceId), item.Currency.Code, KeyPart(item.CaseId)),
        Entity = item.Account.Entity,
        CustomerId = item.Account.CustomerId,
        InvoiceId = item.InvoiceId,
        Currency = item.Currency.Code,
        OpenAmount = item.OpenAmount.ToString(CultureInfo.InvariantCulture),
        CaseId = item.CaseId,
        WrittenOffAt = item.WrittenOffAt,
        Reason = item.Reason,
    };

    public WrittenOffItem ToItem() => new(
        new AccountKey(Entity, CustomerId),
        InvoiceId,
        Domain.Monetary.Currency.Parse(Currency),
        decimal.Parse(OpenAmount, NumberStyles.Number, CultureInfo.InvariantCulture),
        CaseId,
        WrittenOffAt,
        Reason);
}
