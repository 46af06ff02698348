using System.Globalization;
using System.Text;
using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Notices.Templating;

namespace Collections.Notices.Rendering;

/// <summary>
/// Renders the statement of account: every open item (credits negative) and totals per currency, as an
/// escaped HTML table and as plain text. Items are ordered by currency, due date, then invoice id.
/// </summary>
internal static class StatementRenderer
{
    public static TemplateValue Render(
        IReadOnlyList<LedgerItem> items,
        AccountBalance balance,
        Func<LedgerItem, bool> isDisputed,
        NoticeLanguage language)
    {
        var l = NoticeLabels.For(language);
        var title = string.Format(CultureInfo.InvariantCulture, l.StatementTitle, NoticeFormat.Date(balance.AsOf, language));
        var ordered = StatementItems.Ordered(items);

        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<h3>").Append(HtmlText.Encode(title)).Append("</h3>\n");
        text.Append(title).Append('\n').Append(new string('=', 40)).Append('\n');
        if (ordered.Count == 0)
        {
            html.Append("<p>").Append(HtmlText.Encode(l.NoItems)).Append("</p>");
            text.Append(l.NoItems);
            return TemplateValue.Block(text.ToString(), html.ToString());
        }

        html.Append("<table class=\"statement\">\n<thead><tr>");
        foreach (var h in new[] { l.Invoice, l.PoNumber, l.InvoiceDate, l.DueDate, l.OriginalAmount, l.OpenAmount, l.DaysPastDue, l.Status })
        {
            html.Append("<th>").Append(HtmlText.Encode(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var n = 0;
        foreach (var item in ordered)
        {
            n++;
            var (status, days) = Status(item, balance.AsOf, isDisputed(item), l);
            var invoiceDate = NoticeFormat.Date(item.InvoiceDate, language);
            var dueDate = NoticeFormat.Date(item.DueDate, language);
            var original = NoticeFormat.Amount(item.Amount, item.Currency);
            var open = NoticeFormat.Amount(item.OpenAmount, item.Currency);
            var po = string.IsNullOrEmpty(item.PoNumber) ? "-" : item.PoNumber;

            html.Append("<tr>");
            AppendCell(html, item.InvoiceId, numeric: false);
            AppendCell(html, po, numeric: false);
            AppendCell(html, invoiceDate, numeric: false);
            AppendCell(html, dueDate, numeric: false);
            AppendCell(html, original, numeric: true);
            AppendCell(html, open, numeric: true);
            AppendCell(html, days, numeric: true);
            AppendCell(html, status, numeric: false);
            html.Append("</tr>\n");

            var s = l.LabelSeparator;
            text.Append(NoticeFormat.Number(n)).Append(". ").Append(l.Invoice).Append(s).Append(item.InvoiceId)
                .Append(" | ").Append(l.PoNumber).Append(s).Append(po).Append('\n');
            text.Append("   ").Append(l.InvoiceDate).Append(s).Append(invoiceDate)
                .Append(" | ").Append(l.DueDate).Append(s).Append(dueDate)
                .Append(" | ").Append(l.DaysPastDue).Append(s).Append(days).Append('\n');
            text.Append("   ").Append(l.OriginalAmount).Append(s).Append(original)
                .Append(" | ").Append(l.OpenAmount).Append(s).Append(open)
                .Append(" | ").Append(l.Status).Append(s).Append(status).Append('\n');
        }

        html.Append("</tbody>\n</table>\n");
        html.Append("<h3>").Append(HtmlText.Encode(l.TotalsTitle)).Append("</h3>\n");
        html.Append("<table class=\"totals\">\n<thead><tr>");
        foreach (var h in new[] { l.Currency, l.TotalOpen, l.TotalOverdue, l.TotalDisputed })
        {
            html.Append("<th>").Append(HtmlText.Encode(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        text.Append('\n').Append(l.TotalsTitle).Append('\n');
        foreach (var b in balance.Balances)
        {
            var open = NoticeFormat.Amount(b.Open, b.Currency);
            var overdue = NoticeFormat.Amount(b.Overdue, b.Currency);
            var disputed = NoticeFormat.Amount(b.Disputed, b.Currency);
            html.Append("<tr>");
            AppendCell(html, b.Currency.Code, numeric: false);
            AppendCell(html, open, numeric: true);
            AppendCell(html, overdue, numeric: true);
            AppendCell(html, disputed, numeric: true);
            html.Append("</tr>\n");
            var s = l.LabelSeparator;
            text.Append("   ").Append(b.Currency.Code).Append(s).Append(l.TotalOpen).Append(' ').Append(open)
                .Append(" | ").Append(l.TotalOverdue).Append(' ').Append(overdue)
                .Append(" | ").Append(l.TotalDisputed).Append(' ').Append(disputed).Append('\n');
        }

        html.Append("</tbody>\n</table>\n");
        html.Append("<p class=\"note\">").Append(HtmlText.Encode(l.StatementNote)).Append("</p>");
        text.Append('\n').Append(l.StatementNote);
        return TemplateValue.Block(text.ToString(), html.ToString());
    }

    private static (string Status, string Days) Status(LedgerItem item, DateOnly asOf, bool disputed, NoticeLabels l)
    {
        if (item.OpenAmount < 0m || !item.IsInvoice)
        {
            return (l.Credit, "-");
        }

        var days = NoticeFormat.Number(item.DaysPastDue(asOf));
        if (disputed)
        {
            return (l.Disputed, days);
        }

        return item.IsOverdue(asOf) ? (l.Overdue, days) : (l.NotYetDue, days);
    }

    private static void AppendCell(StringBuilder html, string value, bool numeric) =>
        html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(HtmlText.Encode(value)).Append("</td>");
}
