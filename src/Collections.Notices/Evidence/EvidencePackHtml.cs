using System.Text;
using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;

namespace Collections.Notices.Evidence;

/// <summary>The HTML document of the evidence pack (English; for legal). Every value goes through <see cref="HtmlText.Encode"/>.</summary>
internal static class EvidencePackHtml
{
    public static string Render(
        EvidencePackInput input,
        AccountBalance balance,
        List<LedgerItem> items,
        List<EvidenceNotice> notices,
        List<EvidencePromise> promises,
        List<EvidenceDispute> disputes,
        Func<LedgerItem, bool> isDisputed)
    {
        var h = new StringBuilder();
        var title = $"Evidence pack: {input.CustomerName} ({input.Account.Entity}/{input.Account.CustomerId}), case {input.CaseId}";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n")
            .Append("<style>body { font-family: Arial, \"Microsoft YaHei\", sans-serif; font-size: 13px; } table { border-collapse: collapse; margin: 6px 0 18px; } ")
            .Append("th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; } td.num { text-align: right; white-space: nowrap; } code { font-size: 11px; }</style>\n")
            .Append("</head>\n<body>\n<h1>").Append(E(title)).Append("</h1>\n");
        h.Append("<p>Generated ").Append(E(EvidencePackBuilder.Instant(input.GeneratedAt))).Append(" from the ledger snapshot as of ")
            .Append(E(EvidencePackBuilder.Date(input.AsOf))).Append(". Schema ").Append(E(EvidencePackBuilder.Schema)).Append(".</p>\n");

        h.Append("<h2>Account</h2>\n");
        Table(h, ["Field", "Value"], [
            ["Entity", input.Account.Entity],
            ["Customer id", input.Account.CustomerId],
            ["Customer name", input.CustomerName],
            ["Contact", input.Contact.ContactName ?? "-"],
            ["Contact e-mail", input.Contact.Email],
            ["Cc", input.Contact.CcEmails.Count == 0 ? "-" : string.Join(", ", input.Contact.CcEmails)],
            ["Language", input.Contact.Language.ToCode()],
            ["Time zone", input.Contact.TimeZoneId],
            ["Credit grade", input.Contact.Grade.ToString()],
            ["Days overdue", NoticeFormat.Number(balance.DaysOverdue)],
            ["Aging bucket / light", $"{balance.Bucket.ToLabel()} / {balance.Light.ToLabel()}"],
        ], numericFrom: int.MaxValue);

        h.Append("<h2>Balances</h2>\n");
        Table(h, ["Currency", "Open", "Overdue", "In dispute"], balance.Balances
            .Select(b => new[] { b.Currency.Code, NoticeFormat.Amount(b.Open, b.Currency), NoticeFormat.Amount(b.Overdue, b.Currency), NoticeFormat.Amount(b.Disputed, b.Currency) })
            .ToList(), numericFrom: 1);

        h.Append("<h2>Statement of account with provenance</h2>\n");
        Table(h, ["Invoice", "PO", "Invoice date", "Due date", "Disputed", "Source file", "Row", "File SHA-256", "Original", "Open", "Days past due"], items
            .Select(i => new[]
            {
                i.InvoiceId, i.PoNumber ?? "-", EvidencePackBuilder.Date(i.InvoiceDate), EvidencePackBuilder.Date(i.DueDate),
                isDisputed(i) ? "yes" : "no", i.Provenance?.FileName ?? "-", i.Provenance is { } p ? NoticeFormat.Number(p.Row) : "-",
                i.Provenance?.Sha256 ?? "-", NoticeFormat.Amount(i.Amount, i.Currency), NoticeFormat.Amount(i.OpenAmount, i.Currency),
                i.IsInvoice ? NoticeFormat.Number(i.DaysPastDue(input.AsOf)) : "-",
            })
            .ToList(), numericFrom: 8);

        h.Append("<h2>Notices sent</h2>\n");
        Table(h, ["Sent at (UTC)", "Kind", "To", "Cc", "Template", "Content SHA-256", "Provider message id", "Result"], notices
            .Select(n => new[]
            {
                EvidencePackBuilder.Instant(n.SentAt), n.Kind.ToString(), string.Join(", ", n.To), n.Cc.Count == 0 ? "-" : string.Join(", ", n.Cc),
                $"{n.TemplateId} ({n.TemplateVersion})", n.ContentSha256, n.ProviderMessageId ?? "-",
                n.Failure == Email.SendFailureKind.None ? n.Result.ToString() : $"{n.Result} ({n.Failure}, {n.ErrorCode})",
            })
            .ToList(), numericFrom: int.MaxValue);

        h.Append("<h2>Promises to pay</h2>\n");
        Table(h, ["Recorded at (UTC)", "By", "Promised date", "Amount", "Outcome"], promises
            .Select(p => new[] { EvidencePackBuilder.Instant(p.RecordedAt), p.RecordedBy, EvidencePackBuilder.Date(p.PromisedDate), NoticeFormat.Amount(p.Amount), p.Outcome.ToString() })
            .ToList(), numericFrom: int.MaxValue);

        h.Append("<h2>Disputes</h2>\n");
        Table(h, ["Recorded at (UTC)", "By", "Invoices", "Reason", "Resolved at (UTC)", "Resolution"], disputes
            .Select(d => new[]
            {
                EvidencePackBuilder.Instant(d.RecordedAt), d.RecordedBy, string.Join(", ", d.InvoiceIds), d.Reason,
                d.ResolvedAt is { } r ? EvidencePackBuilder.Instant(r) : "-", d.Resolution ?? "-",
            })
            .ToList(), numericFrom: int.MaxValue);

        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static string E(string? value) => HtmlText.Encode(value);

    private static void Table(StringBuilder h, string[] headers, IReadOnlyList<string[]> rows, int numericFrom)
    {
        if (rows.Count == 0)
        {
            h.Append("<p>None recorded.</p>\n");
            return;
        }

        h.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            h.Append("<th>").Append(E(header)).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            h.Append("<tr>");
            for (var c = 0; c < row.Length; c++)
            {
                h.Append(c >= numericFrom ? "<td class=\"num\">" : "<td>").Append(E(row[c])).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
    }
}
