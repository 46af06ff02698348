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
        ref readonly LedgerCell Cell(LedgerField f) => ref CellOf(f, cells, count);

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

        // The account's cells exactly those of its last clean row: its remembered values, compared in one pass.
        var account = slot is not null && SameAccountCells(slot, cells, count) ? Remembered(slot) : ValidateAccountCells(row, slot, cells, count);

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
        values = new RowValues(row, slot, account.Name!, account.Email!, account.CcEmails, account.ContactName, account.Language, account.TimeZone, account.Country, account.Grade, item);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly LedgerCell CellOf(LedgerField field, LedgerCell[] cells, int count)
    {
        var column = _columns[(int)field];
        return ref (uint)column < (uint)count ? ref cells[column] : ref NoCell;
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
