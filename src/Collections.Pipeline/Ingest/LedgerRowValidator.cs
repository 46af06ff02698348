using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Checks every value of every row against domain.md section 2 and turns valid rows into records.
/// One instance per file: it also tracks file-wide rules (duplicate invoice ids per entity, a single
/// as_of value). Every problem of a row is reported, not only the first.
/// </summary>
internal sealed class LedgerRowValidator
{
    private readonly LedgerHeader _header;
    private readonly LedgerErrorList _errors;
    private readonly ValueFormats _formats;
    private readonly MappingProfileDefaults _defaults;
    private readonly string _defaultEntity;
    private readonly string _fileName;
    private readonly string _sha256;
    private readonly Dictionary<string, Dictionary<string, int>> _invoiceRows = new(StringComparer.Ordinal);
    private readonly TextPool _pool = new();
    // By reference: pooled addresses repeat as the same string, so the check is a pointer hash; others are checked again.
    private readonly HashSet<string> _validEmails = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string?> _timeZones = new(StringComparer.Ordinal);

    public LedgerRowValidator(LedgerHeader header, LedgerErrorList errors, MappingProfile? profile, IngestOptions options, string fileName, string sha256)
    {
        _sha256 = sha256;
        _header = header;
        _errors = errors;
        _formats = profile?.Formats ?? ValueFormats.Canonical;
        _defaults = profile?.Defaults ?? new MappingProfileDefaults();
        _defaultEntity = _defaults.Entity ?? options.DefaultEntity;
        _fileName = fileName;
    }

    /// <summary>The as_of column's value, once seen.</summary>
    public DateOnly? AsOf { get; private set; }

    private int AsOfRow { get; set; }

    /// <summary>Validates one row; returns null when it has any error (all of them reported).</summary>
    public LedgerRecord? Validate(int row, LedgerCell[] cells, int count)
    {
        var before = _errors.Count;
        LedgerCell Cell(LedgerField f) => _header.Cell(f, cells, count);

        var customerId = Identifier(row, LedgerField.CustomerId, Cell(LedgerField.CustomerId), required: true, pooled: true);
        var customerName = RequiredText(row, LedgerField.CustomerName, Cell(LedgerField.CustomerName));
        var email = Email(row, Cell(LedgerField.ContactEmail));
        var cc = CcEmails(row, Cell(LedgerField.CcEmails));
        var contactName = Cell(LedgerField.ContactName) is { IsBlank: false } contactCell ? Pooled(contactCell) : null;
        var language = Language(row, Cell(LedgerField.Language));
        var timeZone = TimeZone(row, Cell(LedgerField.TimeZone));
        var country = Country(row, Cell(LedgerField.Country));
        var grade = Grade(row, Cell(LedgerField.CreditGrade));
        var entity = Identifier(row, LedgerField.Entity, Cell(LedgerField.Entity), required: false, pooled: true) ?? _defaultEntity;
        var invoiceId = Identifier(row, LedgerField.InvoiceId, Cell(LedgerField.InvoiceId), required: true, pooled: false);
        var invoiceDate = Date(row, LedgerField.InvoiceDate, Cell(LedgerField.InvoiceDate), required: true);
        var dueDate = Date(row, LedgerField.DueDate, Cell(LedgerField.DueDate), required: true);
        var currency = CurrencyOf(row, Cell(LedgerField.Currency));
        var amount = Amount(row, LedgerField.Amount, Cell(LedgerField.Amount));
        var open = Amount(row, LedgerField.OpenAmount, Cell(LedgerField.OpenAmount));
        var disputed = Flag(row, Cell(LedgerField.Disputed));
        var po = Cell(LedgerField.PoNumber) is { IsBlank: false } poCell ? Pooled(poCell) : null;
        CheckAsOf(row, Cell(LedgerField.AsOf));

        if (amount is { } a && open is { } o)
        {
            CheckSigns(row, a, o);
        }

        if (invoiceId is not null)
        {
            // One table per entity keyed by the invoice id string the item keeps anyway.
            if (!_invoiceRows.TryGetValue(entity, out var rows))
            {
                rows = new Dictionary<string, int>(StringComparer.Ordinal);
                _invoiceRows.Add(entity, rows);
            }

            if (!rows.TryAdd(invoiceId, row))
            {
                _errors.Add(LedgerErrorCode.DuplicateInvoice, row, LedgerField.InvoiceId, invoiceId,
                    $"duplicate invoice_id for entity '{entity}': already in row {rows[invoiceId].ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (_errors.Count != before)
        {
            return null;
        }

        // When the digest is not known yet (forward-only input), AccountAccumulator stamps it at the end.
        var item = new LedgerItem(invoiceId!, invoiceDate!.Value, dueDate!.Value, currency!.Value, amount!.Value, open!.Value, disputed, po, new ItemProvenance(_fileName, _sha256, row));
        var contact = new RowContact(email!, cc, contactName, language, timeZone, country, grade);
        return new LedgerRecord(row, new AccountKey(entity, customerId!), customerName!, contact, item);
    }

    // Account-level values repeat on every row of the account: one string each (see TextPool).
    private string Pooled(LedgerCell cell) => cell.Kind == LedgerCellKind.Text ? _pool.Get(cell.Span.Trim()) : _pool.Get(cell.AsText());

    private void Error(LedgerErrorCode code, int row, LedgerField field, LedgerCell cell, string message) =>
        _errors.Add(code, row, field, cell.AsText(), message);

    private string? RequiredText(int row, LedgerField field, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            _errors.Add(LedgerErrorCode.Required, row, field, string.Empty, $"{field.ToName()} is required");
            return null;
        }

        return Pooled(cell);
    }

    private string? Identifier(int row, LedgerField field, LedgerCell cell, bool required, bool pooled)
    {
        if (cell.IsBlank)
        {
            return required ? RequiredText(row, field, cell) : null;
        }

        var text = pooled ? Pooled(cell) : cell.AsText();
        if (!LedgerValues.IsKeySafe(text))
        {
            Error(LedgerErrorCode.InvalidIdentifier, row, field, cell,
                $"{field.ToName()} must be at most {LedgerValues.MaxIdentifierLength} characters without / \\ # ? or control characters");
            return null;
        }

        return text;
    }

    private string? Email(int row, LedgerCell cell)
    {
        var text = RequiredText(row, LedgerField.ContactEmail, cell);
        if (text is not null && !_validEmails.Contains(text) && !EmailSyntax.IsValid(text))
        {
            Error(LedgerErrorCode.InvalidEmail, row, LedgerField.ContactEmail, cell, "not a valid e-mail address");
            return null;
        }

        if (text is not null && _validEmails.Count < TextPool.Capacity)
        {
            _validEmails.Add(text);
        }

        return text;
    }

    private IReadOnlyList<string>? CcEmails(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var part in Pooled(cell).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EmailSyntax.IsValid(part))
            {
                list.Add(part);
            }
            else
            {
                _errors.Add(LedgerErrorCode.InvalidEmail, row, LedgerField.CcEmails, part, "not a valid e-mail address (cc_emails are separated by ';')");
            }
        }

        return list;
    }

    private NoticeLanguage? Language(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (NoticeLanguages.TryParse(Pooled(cell), out var language))
        {
            return language;
        }

        Error(LedgerErrorCode.InvalidLanguage, row, LedgerField.Language, cell, "language must be en or zh-CN");
        return null;
    }

    private string? TimeZone(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        var text = Pooled(cell);
        if (!_timeZones.TryGetValue(text, out var resolved))
        {
            resolved = LedgerValues.TryResolveTimeZone(text, out var id) ? id : null;
            if (_timeZones.Count < 10_000)
            {
                _timeZones[text] = resolved;
            }
        }

        if (resolved is null)
        {
            Error(LedgerErrorCode.InvalidTimeZone, row, LedgerField.TimeZone, cell, "not a known IANA time zone id (e.g. Asia/Shanghai)");
        }

        return resolved;
    }

    private string? Country(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (CountryCodes.TryNormalize(Pooled(cell), out var code))
        {
            return code;
        }

        Error(LedgerErrorCode.InvalidCountry, row, LedgerField.Country, cell, "not an ISO 3166 alpha-2 country code (e.g. CN, DE)");
        return null;
    }

    private CreditGrade? Grade(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (LedgerValues.TryParseGrade(Pooled(cell), out var grade))
        {
            return grade;
        }

        Error(LedgerErrorCode.InvalidGrade, row, LedgerField.CreditGrade, cell, "credit_grade must be A, B, C or D");
        return null;
    }

    private DateOnly? Date(int row, LedgerField field, LedgerCell cell, bool required)
    {
        switch (cell.Kind)
        {
            case LedgerCellKind.Date:
                return InDateRange(row, field, cell, DateOnly.FromDateTime(cell.Date));
            case LedgerCellKind.Number or LedgerCellKind.Boolean:
                Error(LedgerErrorCode.InvalidDate, row, field, cell, "a number, not a date: format the cell as a date or write yyyy-MM-dd");
                return null;
        }

        if (cell.IsBlank)
        {
            if (required)
            {
                RequiredText(row, field, cell);
            }

            return null;
        }

        if (DateValueParser.TryParse(cell.Span, _formats.DateFormats, out var date, out var error))
        {
            return InDateRange(row, field, cell, date);
        }

        Error(LedgerErrorCode.InvalidDate, row, field, cell, error!);
        return null;
    }

    // A date-styled serial of 0 or below (1899-12-30, 1899-12-29 ...) or a year like 9999 is not a ledger date.
    private DateOnly? InDateRange(int row, LedgerField field, LedgerCell cell, DateOnly date)
    {
        if (LedgerValues.IsInDateRange(date))
        {
            return date;
        }

        Error(LedgerErrorCode.InvalidDate, row, field, cell, string.Create(CultureInfo.InvariantCulture,
            $"{field.ToName()} out of range: dates must lie between {LedgerValues.MinDate:yyyy-MM-dd} and {LedgerValues.MaxDate:yyyy-MM-dd}"));
        return null;
    }

    private Currency? CurrencyOf(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            if (_defaults.Currency is { } fallback)
            {
                return fallback;
            }

            RequiredText(row, LedgerField.Currency, cell);
            return null;
        }

        if (Currency.TryParse(Pooled(cell), out var currency))
        {
            return currency;
        }

        Error(LedgerErrorCode.UnknownCurrency, row, LedgerField.Currency, cell, "not a known ISO 4217 currency code");
        return null;
    }

    private decimal? Amount(int row, LedgerField field, LedgerCell cell)
    {
        decimal amount;
        switch (cell.Kind)
        {
            case LedgerCellKind.Number when LedgerCell.TryToDecimal(cell.Number, out amount):
                return WithinLimit(row, field, cell, amount);
            case LedgerCellKind.Number when double.IsFinite(cell.Number):
                Error(LedgerErrorCode.InvalidAmount, row, field, cell, OutOfRange(field));
                return null;
            case LedgerCellKind.Number or LedgerCellKind.Date or LedgerCellKind.Boolean:
                Error(LedgerErrorCode.InvalidAmount, row, field, cell, "not an amount");
                return null;
        }

        if (cell.IsBlank)
        {
            RequiredText(row, field, cell);
            return null;
        }

        if (AmountValueParser.TryParse(cell.Span, _formats, out amount, out var error))
        {
            return WithinLimit(row, field, cell, amount);
        }

        Error(LedgerErrorCode.InvalidAmount, row, field, cell, string.Equals(error, "number out of range", StringComparison.Ordinal) ? OutOfRange(field) : error!);
        return null;
    }

    private decimal? WithinLimit(int row, LedgerField field, LedgerCell cell, decimal amount)
    {
        if (Math.Abs(amount) <= LedgerValues.MaxAmount)
        {
            return amount;
        }

        Error(LedgerErrorCode.InvalidAmount, row, field, cell, OutOfRange(field));
        return null;
    }

    private static string OutOfRange(LedgerField field) =>
        $"{field.ToName()} out of range: at most 999,999,999,999,999.99 either side of zero";

    private bool Flag(int row, LedgerCell cell)
    {
        if (cell.Kind == LedgerCellKind.Boolean)
        {
            return cell.Flag;
        }

        if (cell.IsBlank)
        {
            return false;
        }

        if (cell.Kind == LedgerCellKind.Text && LedgerValues.TryParseFlag(cell.Span, out var flag))
        {
            return flag;
        }

        Error(LedgerErrorCode.InvalidFlag, row, LedgerField.Disputed, cell, "disputed must be true/false, yes/no, Y/N or 是/否");
        return false;
    }

    private void CheckSigns(int row, decimal amount, decimal open)
    {
        if (amount == 0m)
        {
            _errors.Add(LedgerErrorCode.SignRule, row, LedgerField.Amount, "0", "amount must not be zero: positive for an invoice, negative for a credit note or unapplied cash");
        }
        else if (amount > 0m && (open < 0m || open > amount))
        {
            _errors.Add(LedgerErrorCode.SignRule, row, LedgerField.OpenAmount, open.ToString(CultureInfo.InvariantCulture), "for an invoice (amount > 0) open_amount must be between 0 and amount");
        }
        else if (amount < 0m && (open > 0m || open < amount))
        {
            _errors.Add(LedgerErrorCode.SignRule, row, LedgerField.OpenAmount, open.ToString(CultureInfo.InvariantCulture), "for a credit note or unapplied cash (amount < 0) open_amount must be between amount and 0");
        }
    }

    private void CheckAsOf(int row, LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            return;
        }

        var date = Date(row, LedgerField.AsOf, cell, required: false);
        if (date is not { } d)
        {
            return;
        }

        if (AsOf is null)
        {
            AsOf = d;
            AsOfRow = row;
        }
        else if (AsOf != d)
        {
            Error(LedgerErrorCode.AsOfConflict, row, LedgerField.AsOf, cell,
                $"as_of must be one value for the whole file: row {AsOfRow.ToString(CultureInfo.InvariantCulture)} has {AsOf.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }
    }
}
