using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Checks every value of every row against domain.md section 2 and turns valid rows into records.
/// One instance per file: it also tracks file-wide rules (duplicate invoice ids per entity, a single
/// as_of value). Every problem of a row is reported, not only the first.
/// </summary>
internal sealed partial class LedgerRowValidator
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
}
