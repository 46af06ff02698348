using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;

namespace Collections.Notices.Evidence;

/// <summary>
/// Builds the evidence pack handed to legal on escalation (domain.md section 7). Pure: the caller
/// writes the documents to the <c>evidence</c> container. Output is deterministic for a given input, so
/// its hashes can be recorded on the timeline and checked later.
/// </summary>
public static class EvidencePackBuilder
{
    /// <summary>The JSON schema id.</summary>
    public const string Schema = "collections-evidence-pack/1";

    // Keeps Chinese readable in the JSON while still escaping HTML-sensitive characters.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Builds the pack.</summary>
    public static EvidencePack Build(EvidencePackInput input)
    {
        var disputed = StatementItems.DisputedIds(input.DisputedInvoiceIds, input.Disputes.Where(d => d.ResolvedAt is null).Select(d => d.InvoiceIds));
        var balance = AccountBalance.Compute(input.Items, input.AsOf, disputed);
        var items = StatementItems.Ordered(input.Items);
        var notices = input.Notices.OrderBy(n => n.SentAt).ToList();
        var promises = input.Promises.OrderBy(p => p.RecordedAt).ToList();
        var disputes = input.Disputes.OrderBy(d => d.RecordedAt).ToList();
        bool IsDisputed(LedgerItem i) => StatementItems.IsDisputed(i, disputed);

        var json = Json(input, balance, items, notices, promises, disputes, IsDisputed);
        var html = EvidencePackHtml.Render(input, balance, items, notices, promises, disputes, IsDisputed);
        var prefix = CasePrefix(input.Account.Entity, input.Account.CustomerId, input.CaseId)
            + input.GeneratedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new EvidencePack(json, html, HexSha256.Of(json), HexSha256.Of(html), prefix);
    }

    /// <summary>
    /// The folder in the <c>evidence</c> container that holds a case's packs: <c>&lt;entity&gt;/&lt;customer&gt;/&lt;case&gt;/</c>,
    /// each segment escaped so that a <c>/</c> in an id cannot move the pack into another case's folder.
    /// </summary>
    public static string CasePrefix(string entity, string customerId, string caseId) =>
        string.Join('/', Uri.EscapeDataString(entity), Uri.EscapeDataString(customerId), Uri.EscapeDataString(caseId)) + "/";

    internal static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Json(
        EvidencePackInput input,
        AccountBalance balance,
        List<LedgerItem> items,
        List<EvidenceNotice> notices,
        List<EvidencePromise> promises,
        List<EvidenceDispute> disputes,
        Func<LedgerItem, bool> isDisputed)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("caseId", input.CaseId);
            w.WriteString("generatedAt", Instant(input.GeneratedAt));
            w.WriteString("asOf", Date(input.AsOf));

            w.WriteStartObject("account");
            w.WriteString("entity", input.Account.Entity);
            w.WriteString("customerId", input.Account.CustomerId);
            w.WriteString("customerName", input.CustomerName);
            w.WriteString("contactName", input.Contact.ContactName);
            w.WriteString("contactEmail", input.Contact.Email);
            WriteStrings(w, "ccEmails", input.Contact.CcEmails);
            w.WriteString("language", input.Contact.Language.ToCode());
            w.WriteString("timeZone", input.Contact.TimeZoneId);
            w.WriteString("creditGrade", input.Contact.Grade.ToString());
            w.WriteEndObject();

            w.WriteStartObject("position");
            w.WriteNumber("daysOverdue", balance.DaysOverdue);
            w.WriteString("agingBucket", balance.Bucket.ToLabel());
            w.WriteString("trafficLight", balance.Light.ToLabel());
            w.WriteStartArray("balances");
            foreach (var b in balance.Balances)
            {
                w.WriteStartObject();
                w.WriteString("currency", b.Currency.Code);
                w.WriteString("open", b.Currency.FormatInvariant(b.Open));
                w.WriteString("overdue", b.Currency.FormatInvariant(b.Overdue));
                w.WriteString("disputed", b.Currency.FormatInvariant(b.Disputed));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("items");
            foreach (var i in items)
            {
                w.WriteStartObject();
                w.WriteString("invoiceId", i.InvoiceId);
                w.WriteString("poNumber", i.PoNumber);
                w.WriteString("invoiceDate", Date(i.InvoiceDate));
                w.WriteString("dueDate", Date(i.DueDate));
                w.WriteString("currency", i.Currency.Code);
                w.WriteString("amount", i.Currency.FormatInvariant(i.Amount));
                w.WriteString("openAmount", i.Currency.FormatInvariant(i.OpenAmount));
                w.WriteNumber("daysPastDue", i.IsInvoice ? i.DaysPastDue(input.AsOf) : 0);
                w.WriteBoolean("disputed", isDisputed(i));
                if (i.Provenance is { } p)
                {
                    w.WriteStartObject("provenance");
                    w.WriteString("file", p.FileName);
                    w.WriteString("sha256", p.Sha256);
                    w.WriteNumber("row", p.Row);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("provenance");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("notices");
            foreach (var n in notices)
            {
                w.WriteStartObject();
                w.WriteString("sentAt", Instant(n.SentAt));
                w.WriteString("kind", n.Kind.ToString());
                WriteStrings(w, "to", n.To);
                WriteStrings(w, "cc", n.Cc);
                w.WriteString("templateId", n.TemplateId);
                w.WriteString("templateVersion", n.TemplateVersion);
                w.WriteString("contentSha256", n.ContentSha256);
                w.WriteString("providerMessageId", n.ProviderMessageId);
                w.WriteString("result", n.Result.ToString());
                w.WriteString("failure", n.Failure.ToString());
                w.WriteString("errorCode", n.ErrorCode);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("promises");
            foreach (var p in promises)
            {
                w.WriteStartObject();
                w.WriteString("recordedAt", Instant(p.RecordedAt));
                w.WriteString("recordedBy", p.RecordedBy);
                w.WriteString("promisedDate", Date(p.PromisedDate));
                w.WriteString("currency", p.Amount.Currency.Code);
                w.WriteString("amount", p.Amount.ToInvariantString());
                w.WriteString("outcome", p.Outcome.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("disputes");
            foreach (var d in disputes)
            {
                w.WriteStartObject();
                w.WriteString("recordedAt", Instant(d.RecordedAt));
                w.WriteString("recordedBy", d.RecordedBy);
                WriteStrings(w, "invoiceIds", d.InvoiceIds);
                w.WriteString("reason", d.Reason);
                w.WriteString("resolvedAt", d.ResolvedAt is { } r ? Instant(r) : null);
                w.WriteString("resolution", d.Resolution);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
