using System.Globalization;
using System.Text;
using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Notices.Templating;

namespace Collections.Notices.Rendering;

/// <summary>
/// The <c>how_to_pay</c> block: the creditor's own bank account for each currency the debtor owes (all
/// of the creditor's accounts when none matches), then the reference to quote. Only the notice's own
/// entity is ever consulted, so no other entity's bank details can appear.
/// </summary>
internal static class PaymentInstructions
{
    public static TemplateValue Render(CreditorOptions creditor, AccountBalance balance, string customerId, NoticeLanguage language)
    {
        var l = NoticeLabels.For(language);
        var owed = balance.Balances.Where(b => b.Open > 0m).Select(b => b.Currency.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var accounts = creditor.BankAccounts.Where(a => owed.Contains(a.Currency)).ToList();
        if (accounts.Count == 0)
        {
            accounts = creditor.BankAccounts;
        }

        var lines = new List<(string Text, bool Heading)>();
        foreach (var account in accounts.OrderBy(a => a.Currency, StringComparer.OrdinalIgnoreCase))
        {
            var names = language == NoticeLanguage.ChineseSimplified ? account.ChineseSimplified : account.English;
            lines.Add((string.Format(CultureInfo.InvariantCulture, l.BankTransferIn, account.Currency.ToUpperInvariant()), true));
            lines.Add(("  " + l.Bank + l.LabelSeparator + names.BankName, false));
            lines.Add(("  " + l.AccountName + l.LabelSeparator + names.AccountName, false));
            lines.Add(("  " + l.AccountNumber + l.LabelSeparator + account.AccountNumber, false));
            if (!string.IsNullOrWhiteSpace(account.SwiftBic))
            {
                lines.Add(("  " + l.SwiftBic + l.LabelSeparator + account.SwiftBic, false));
            }
        }

        lines.Add((string.Format(CultureInfo.InvariantCulture, l.PaymentReference, customerId), false));
        if (creditor.For(language).PaymentNote is { Length: > 0 } note)
        {
            lines.Add((note.Trim(), false));
        }

        var text = string.Join("\n", lines.Select(x => x.Text));
        var html = new StringBuilder();
        foreach (var (line, heading) in lines)
        {
            if (html.Length > 0)
            {
                html.Append("<br>\n");
            }

            var encoded = HtmlText.Encode(line.TrimStart());
            html.Append(heading ? "<em>" + encoded + "</em>" : encoded);
        }

        return TemplateValue.Block(text, html.ToString());
    }
}
