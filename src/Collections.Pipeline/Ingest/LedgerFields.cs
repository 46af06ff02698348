using System.Collections.Frozen;
using System.Text;

namespace Collections.Pipeline.Ingest;

/// <summary>Canonical names, requiredness and header aliases of the ledger columns.</summary>
public static class LedgerFields
{
    private static readonly string[] Names =
    [
        "customer_id", "customer_name", "contact_email", "contact_name", "cc_emails", "language",
        "time_zone", "country", "credit_grade", "entity", "invoice_id", "invoice_date", "due_date",
        "currency", "amount", "open_amount", "disputed", "po_number", "as_of",
    ];

    // Aliases exactly as domain.md lists them (en / zh-Hans / zh-Hant). The canonical name is
    // always an alias of itself. Matching goes through Normalize, so spacing, case and _ - are free.
    private static readonly (LedgerField Field, string[] Aliases)[] AliasTable =
    [
        (LedgerField.CustomerId, ["customer", "customer no", "account", "客户编号", "客户代码", "客戶編號"]),
        (LedgerField.CustomerName, ["customer name", "name", "客户名称", "客戶名稱"]),
        (LedgerField.ContactEmail, ["email", "e-mail", "联系邮箱", "邮箱", "聯絡郵箱", "電郵"]),
        (LedgerField.ContactName, ["contact", "联系人", "聯絡人"]),
        (LedgerField.CcEmails, ["cc", "抄送邮箱", "抄送郵箱"]),
        (LedgerField.Language, ["lang", "语言", "語言"]),
        (LedgerField.TimeZone, ["timezone", "tz", "时区", "時區"]),
        (LedgerField.Country, ["国家", "國家"]),
        (LedgerField.CreditGrade, ["grade", "segment", "信用等级", "信用等級"]),
        (LedgerField.Entity, ["company", "company code", "公司主体", "账套", "公司主體"]),
        (LedgerField.InvoiceId, ["invoice", "invoice no", "document", "发票号", "单据号", "發票號", "單據號"]),
        (LedgerField.InvoiceDate, ["date", "document date", "开票日期", "单据日期", "開票日期"]),
        (LedgerField.DueDate, ["due", "due on", "到期日"]),
        (LedgerField.Currency, ["ccy", "cur", "币种", "幣種"]),
        (LedgerField.Amount, ["original amount", "total", "金额", "原币金额", "金額"]),
        (LedgerField.OpenAmount, ["open balance", "balance", "outstanding", "未收金额", "余额", "未收金額", "餘額"]),
        (LedgerField.Disputed, ["dispute", "争议", "爭議"]),
        (LedgerField.PoNumber, ["po", "订单号", "訂單號"]),
        (LedgerField.AsOf, ["as of", "截止日期"]),
    ];

    private static readonly FrozenDictionary<string, LedgerField> ByAlias = BuildAliasIndex();

    /// <summary>Columns every ledger must have (currency may instead come from a profile default).</summary>
    public static IReadOnlyList<LedgerField> Required { get; } =
    [
        LedgerField.CustomerId, LedgerField.CustomerName, LedgerField.ContactEmail, LedgerField.InvoiceId,
        LedgerField.InvoiceDate, LedgerField.DueDate, LedgerField.Currency, LedgerField.Amount, LedgerField.OpenAmount,
    ];

    /// <summary>The snake_case canonical name used in error reports, e.g. <c>due_date</c>.</summary>
    public static string ToName(this LedgerField field) => Names[(int)field];

    /// <summary>Finds the field whose canonical name or alias matches a header cell.</summary>
    public static bool TryFromHeader(string? header, out LedgerField field) =>
        ByAlias.TryGetValue(Normalize(header), out field);

    /// <summary>Parses a canonical name (as used in mapping profiles), with the same leniency as headers.</summary>
    public static bool TryParseName(string? name, out LedgerField field)
    {
        var key = Normalize(name);
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Normalize(Names[i]), key, StringComparison.Ordinal))
            {
                field = (LedgerField)i;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>
    /// Header normal form: lower case (invariant), with spaces, <c>_</c>, <c>-</c>, dots, tabs,
    /// no-break and ideographic spaces and a leading BOM removed. "Customer No." == "customer_no".
    /// </summary>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (c is ' ' or '_' or '-' or '.' or '\t' or '\r' or '\n' or '\u00A0' or '\u3000' or '\uFEFF')
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static FrozenDictionary<string, LedgerField> BuildAliasIndex()
    {
        var map = new Dictionary<string, LedgerField>(StringComparer.Ordinal);
        foreach (var (field, aliases) in AliasTable)
        {
            map.Add(Normalize(Names[(int)field]), field);
            foreach (var alias in aliases)
            {
                // "e-mail" and "email" normalise to the same key; anything else colliding is a table bug.
                if (map.TryGetValue(Normalize(alias), out var existing) && existing != field)
                {
                    throw new InvalidOperationException($"Alias '{alias}' maps to both {existing} and {field}.");
                }

                map[Normalize(alias)] = field;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
