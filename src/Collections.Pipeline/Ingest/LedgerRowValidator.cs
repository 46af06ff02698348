using System.Globalization;
using System.Runtime.CompilerServices;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Checks every value of every row against domain.md section 2 and turns valid rows into records.
/// One instance per file: it also tracks file-wide rules (duplicate invoice ids per entity, a single
/// as_of value). Every problem of a row is reported, not only the first. Account-level columns are
/// validated when an account's value changes, not on every row (<see cref="ColumnMemo{T}"/>), and a
/// row allocates nothing it does not keep.
/// </summary>
internal sealed partial class LedgerRowValidator
{
    // The cell of a column the header did not map (read by reference, like the row's cells).
    private static readonly LedgerCell NoCell;

    private readonly int[] _columns;
    private readonly LedgerErrorList _errors;
    private readonly ValueFormats _formats;
    private readonly MappingProfileDefaults _defaults;
    private readonly string _defaultEntity;
    private readonly ItemStore? _items;
    private readonly CharArena _arena;
    // Invoice ids are unique per entity: the first row of each.
    private readonly InvoiceIdIndex _invoices;
    private readonly TextPool _pool = new();
    // By reference: pooled addresses repeat as the same string, so the check is a pointer hash; others are checked again.
    private readonly HashSet<string> _validEmails = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string?> _timeZones = new(StringComparer.Ordinal);

    public LedgerRowValidator(LedgerHeader header, LedgerErrorList errors, MappingProfile? profile, IngestOptions options, ItemStore? items, int expectedRows)
    {
        _columns = Array.ConvertAll(Enum.GetValues<LedgerField>(), header.ColumnOf);
        _accountColumns = Array.ConvertAll(
            [LedgerField.CustomerName, LedgerField.ContactEmail, LedgerField.CcEmails, LedgerField.ContactName, LedgerField.Language, LedgerField.TimeZone, LedgerField.Country, LedgerField.CreditGrade],
            header.ColumnOf);
        _errors = errors;
        _formats = profile?.Formats ?? ValueFormats.Canonical;
        _defaults = profile?.Defaults ?? new MappingProfileDefaults();
        _defaultEntity = _defaults.Entity ?? options.DefaultEntity;
        _items = items;
        _arena = items?.Arena ?? new CharArena();
        _entityLookup = _entityByText.GetAlternateLookup<ReadOnlySpan<char>>();
        _scratch = new AccountSlot(default, new EntityState(string.Empty, -1));
        _invoices = new InvoiceIdIndex(_arena, expectedRows);
    }

    /// <summary>The as_of column's value, once seen.</summary>
    public DateOnly? AsOf { get; private set; }

    private int AsOfRow { get; set; }

    /// <summary>Validates one row; false when it has any error (all of them reported).</summary>
    public bool Validate(int row, LedgerCell[] cells, int count, out RowValues values)
    {
        var before = _errors.Count;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        ref readonly LedgerCell Cell(LedgerField f)
        {
            var column = _columns[(int)f];
            return ref (uint)column < (uint)count ? ref cells[column] : ref NoCell;
        }

        ref readonly var entityCell = ref Cell(LedgerField.Entity);
        ref readonly var customerCell = ref Cell(LedgerField.CustomerId);
        var slot = FindSlot(entityCell, customerCell);
        ref readonly var invoiceCell = ref Cell(LedgerField.InvoiceId);
        var invoiceText = invoiceCell.Kind == LedgerCellKind.Text ? invoiceCell.Span.Trim() : invoiceCell.AsText().AsSpan();

        // The duplicate check's table entry is loaded while the rest of the row is validated (see InvoiceIdIndex.Prefetch).
        var invoiceHash = slot is null ? 0 : InvoiceIdIndex.Hash(slot.Entity.Number, invoiceText);
        if (slot is not null)
        {
            _invoices.Prefetch(invoiceHash);
        }

        var customerId = slot?.Key.CustomerId ?? Identifier(row, LedgerField.CustomerId, customerCell, required: true, pooled: true);

        string? customerName, email, contactName, timeZone, country;
        IReadOnlyList<string>? cc;
        NoticeLanguage? language;
        CreditGrade? grade;
        if (slot is not null && SameAccountCells(slot, cells, count))
        {
            // The account's cells are exactly those of a row that validated cleanly: its values, compared in one pass.
            (customerName, email, cc, contactName, language, timeZone, country, grade) =
                (slot.Name.Value, slot.Email.Value, slot.CcEmails.Value, slot.ContactName.Value, slot.Language.Value, slot.TimeZone.Value, slot.Country.Value, slot.Grade.Value);
        }
        else
        {
            var accountMark = _errors.Count;
            if (slot is not null)
            {
                // The memos change below: the remembered cells hold only while every memo matches them.
                slot.AccountCells = null;
            }

            ref readonly var cell = ref Cell(LedgerField.CustomerName);
            var mark = _errors.Count;
            customerName = slot is not null && slot.Name.TryGet(cell, out var name) ? name : Remember(slot is not null, ref (slot ?? _scratch).Name, cell, mark, RequiredText(row, LedgerField.CustomerName, cell));
            ref readonly var emailCell = ref Cell(LedgerField.ContactEmail);
            mark = _errors.Count;
            email = slot is not null && slot.Email.TryGet(emailCell, out var e) ? e : Remember(slot is not null, ref (slot ?? _scratch).Email, emailCell, mark, Email(row, emailCell));
            ref readonly var ccCell = ref Cell(LedgerField.CcEmails);
            mark = _errors.Count;
            cc = slot is not null && slot.CcEmails.TryGet(ccCell, out var c) ? c : Remember(slot is not null, ref (slot ?? _scratch).CcEmails, ccCell, mark, CcEmails(row, ccCell));
            ref readonly var contactCell = ref Cell(LedgerField.ContactName);
            contactName = slot is not null && slot.ContactName.TryGet(contactCell, out var cn) ? cn : Remember(slot is not null, ref (slot ?? _scratch).ContactName, contactCell, _errors.Count, contactCell.IsBlank ? null : Pooled(contactCell));
            ref readonly var languageCell = ref Cell(LedgerField.Language);
            mark = _errors.Count;
            language = slot is not null && slot.Language.TryGet(languageCell, out var lang) ? lang : Remember(slot is not null, ref (slot ?? _scratch).Language, languageCell, mark, Language(row, languageCell));
            ref readonly var zoneCell = ref Cell(LedgerField.TimeZone);
            mark = _errors.Count;
            timeZone = slot is not null && slot.TimeZone.TryGet(zoneCell, out var tz) ? tz : Remember(slot is not null, ref (slot ?? _scratch).TimeZone, zoneCell, mark, TimeZone(row, zoneCell));
            ref readonly var countryCell = ref Cell(LedgerField.Country);
            mark = _errors.Count;
            country = slot is not null && slot.Country.TryGet(countryCell, out var co) ? co : Remember(slot is not null, ref (slot ?? _scratch).Country, countryCell, mark, Country(row, countryCell));
            ref readonly var gradeCell = ref Cell(LedgerField.CreditGrade);
            mark = _errors.Count;
            grade = slot is not null && slot.Grade.TryGet(gradeCell, out var g) ? g : Remember(slot is not null, ref (slot ?? _scratch).Grade, gradeCell, mark, Grade(row, gradeCell));
            if (slot is not null && _errors.Count == accountMark)
            {
                slot.AccountCells = AccountCells(cells, count);
            }
        }

        var entity = slot?.Entity.Name ?? Identifier(row, LedgerField.Entity, entityCell, required: false, pooled: true) ?? _defaultEntity;

        var invoiceValid = InvoiceId(row, invoiceCell, invoiceText);
        var invoiceDate = Date(row, LedgerField.InvoiceDate, in Cell(LedgerField.InvoiceDate), required: true);
        var dueDate = Date(row, LedgerField.DueDate, in Cell(LedgerField.DueDate), required: true);
        ref readonly var currencyCell = ref Cell(LedgerField.Currency);
        var currencyMark = _errors.Count;
        var currency = slot is not null && slot.Currency.TryGet(currencyCell, out var cur) ? cur : Remember(slot is not null, ref (slot ?? _scratch).Currency, currencyCell, currencyMark, CurrencyOf(row, currencyCell));
        var amount = Amount(row, LedgerField.Amount, in Cell(LedgerField.Amount));
        var open = Amount(row, LedgerField.OpenAmount, in Cell(LedgerField.OpenAmount));
        var disputed = Flag(row, in Cell(LedgerField.Disputed));
        CheckAsOf(row, in Cell(LedgerField.AsOf));

        if (amount is { } a && open is { } o)
        {
            CheckSigns(row, a, o);
        }

        var entityState = slot?.Entity ?? Entity(entity);
        var invoiceAddress = 0;
        if (invoiceValid && !_invoices.TryAdd(slot is null ? InvoiceIdIndex.Hash(entityState.Number, invoiceText) : invoiceHash, entityState.Number, invoiceText, row, out var firstRow, out invoiceAddress))
        {
            var invoiceId = invoiceText.ToString();
            _errors.Add(LedgerErrorCode.DuplicateInvoice, row, LedgerField.InvoiceId, invoiceId,
                $"duplicate invoice_id for entity '{entity}': already in row {firstRow.ToString(CultureInfo.InvariantCulture)}");
        }

        if (_errors.Count != before)
        {
            values = default;
            return false;
        }

        slot ??= Account(entityCell, entityState, customerId!);
        ref readonly var poCell = ref Cell(LedgerField.PoNumber);
        var po = _items is null || poCell.IsBlank ? -1 : _items.AddText(poCell.Kind == LedgerCellKind.Text ? poCell.Span.Trim() : poCell.AsText());
        var item = new CompactItem(amount!.Value, open!.Value, invoiceAddress, po, invoiceDate!.Value.DayNumber, dueDate!.Value.DayNumber, row,
            _items?.CurrencyIndex(currency!.Value) ?? 0, disputed);
        values = new RowValues(row, slot, customerName!, email!, cc, contactName, language, timeZone, country, grade, item);
        return true;
    }

    // Account-level values repeat on every row of the account: one string each (see TextPool).
    private string Pooled(in LedgerCell cell) => cell.Kind == LedgerCellKind.Text ? _pool.Get(cell.Span.Trim()) : _pool.Get(cell.AsText());

    private void Error(LedgerErrorCode code, int row, LedgerField field, in LedgerCell cell, string message) =>
        _errors.Add(code, row, field, cell.AsText(), message);

    private string? RequiredText(int row, LedgerField field, in LedgerCell cell)
    {
        if (cell.IsBlank)
        {
            _errors.Add(LedgerErrorCode.Required, row, field, string.Empty, $"{field.ToName()} is required");
            return null;
        }

        return Pooled(cell);
    }

    private string? Identifier(int row, LedgerField field, in LedgerCell cell, bool required, bool pooled)
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

    // The invoice id is checked from the row's characters; a string is made only for an error.
    private bool InvoiceId(int row, in LedgerCell cell, ReadOnlySpan<char> text)
    {
        if (cell.IsBlank)
        {
            RequiredText(row, LedgerField.InvoiceId, cell);
            return false;
        }

        if (!LedgerValues.IsKeySafe(text))
        {
            Error(LedgerErrorCode.InvalidIdentifier, row, LedgerField.InvoiceId, cell,
                $"{LedgerField.InvoiceId.ToName()} must be at most {LedgerValues.MaxIdentifierLength} characters without / \\ # ? or control characters");
            return false;
        }

        return true;
    }
}
