using System.Runtime.CompilerServices;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Finding a row's account before validating it: by the characters of its entity and customer id cells,
/// so the account-level columns of a known account are compared with what they last validated to.
/// </summary>
internal sealed partial class LedgerRowValidator
{
    // Aliases beyond this many distinct entity spellings take the ordinary path (still correct, only slower).
    private const int MaxEntityAliases = 10_000;

    private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityState> _entityByText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityState>.AlternateLookup<ReadOnlySpan<char>> _entityLookup;
    // Receives what is remembered for a row whose account is not known yet; never read.
    private readonly AccountSlot _scratch;

    // The account-level columns a slot remembers together (see AccountSlot.AccountCells); -1 when not mapped.
    private readonly int[] _accountColumns;

    // The account of a row whose entity and customer id are text already seen valid in a valid row; null otherwise.
    private AccountSlot? FindSlot(in LedgerCell entity, in LedgerCell customer)
    {
        if (entity.Kind is not (LedgerCellKind.Text or LedgerCellKind.Empty) || customer.Kind != LedgerCellKind.Text
            || !_entityLookup.TryGetValue(entity.Span.Trim(), out var state))
        {
            return null;
        }

        return state.TryGetAccount(customer.Span.Trim(), out var slot) ? slot : null;
    }

    // Whether the row's account-level cells are character for character those the slot remembers: then every
    // memo holds this row's text, and the row takes the remembered values without comparing column by column.
    private bool SameAccountCells(AccountSlot slot, LedgerCell[] cells, int count)
    {
        if (slot.AccountCells is not { } remembered)
        {
            return false;
        }

        var at = 0;
        foreach (var column in _accountColumns)
        {
            if (!TryPlainText(cells, count, column, out var span)
                || remembered[at] != span.Length || !span.SequenceEqual(remembered.AsSpan(at + 1, span.Length)))
            {
                return false;
            }

            at += span.Length + 1;
        }

        return true;
    }

    // The row's account-level cells as SameAccountCells compares them, each after its length; null when a cell is
    // not plain text (or too long for a one-char length).
    private char[]? AccountCells(LedgerCell[] cells, int count)
    {
        var length = 0;
        foreach (var column in _accountColumns)
        {
            if (!TryPlainText(cells, count, column, out var span) || span.Length > char.MaxValue)
            {
                return null;
            }

            length += span.Length + 1;
        }

        var text = new char[length];
        var at = 0;
        foreach (var column in _accountColumns)
        {
            TryPlainText(cells, count, column, out var span);
            text[at] = (char)span.Length;
            span.CopyTo(text.AsSpan(at + 1));
            at += span.Length + 1;
        }

        return text;
    }

    // A column's characters when its cell is text or empty (an unmapped column or one past the row's end is empty).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryPlainText(LedgerCell[] cells, int count, int column, out ReadOnlySpan<char> span)
    {
        span = default;
        if ((uint)column >= (uint)count)
        {
            return true;
        }

        ref readonly var cell = ref cells[column];
        if (cell.Kind is not (LedgerCellKind.Text or LedgerCellKind.Empty))
        {
            return false;
        }

        span = cell.Span;
        return true;
    }

    // The entity's state (its invoice ids, its accounts), made on first use.
    private EntityState Entity(string name)
    {
        if (!_entities.TryGetValue(name, out var state))
        {
            state = new EntityState(name, _entities.Count);
            _entities.Add(name, state);
        }

        return state;
    }

    // The account of a valid row not found by its cells' text; remembers the entity cell's text for the next rows.
    private AccountSlot Account(in LedgerCell entityCell, EntityState entity, string customerId)
    {
        if (entityCell.Kind is LedgerCellKind.Text or LedgerCellKind.Empty && _entityByText.Count < MaxEntityAliases
            && !_entityLookup.ContainsKey(entityCell.Span.Trim()))
        {
            _entityByText.Add(_pool.Get(entityCell.Span.Trim()), entity);
        }

        if (!entity.TryGetAccount(customerId, out var slot))
        {
            slot = new AccountSlot(new(entity.Name, customerId), entity);
            entity.AddAccount(slot);
        }

        return slot!;
    }

    // The values the slot's memos hold: those of its last clean row's cells.
    private static AccountValues Remembered(AccountSlot slot) => new(
        slot.Name.Value, slot.Email.Value, slot.CcEmails.Value, slot.ContactName.Value, slot.Language.Value, slot.TimeZone.Value, slot.Country.Value, slot.Grade.Value);

    // The account-level cells column by column: a cell repeating what its memo remembers takes the remembered
    // value, any other is validated (and remembered when clean and the account is known). Then the whole row's
    // cells are remembered when every column was clean. The first rows of an account and rows that change it.
    private AccountValues ValidateAccountCells(int row, AccountSlot? slot, LedgerCell[] cells, int count)
    {
        var mark = _errors.Count;
        if (slot is not null)
        {
            // The memos change below: the remembered cells hold only while every memo matches them.
            slot.AccountCells = null;
        }

        var memos = slot ?? _scratch;
        var values = new AccountValues(
            Column(row, slot, ref memos.Name, CellOf(LedgerField.CustomerName, cells, count), static (v, r, c) => v.RequiredText(r, LedgerField.CustomerName, c)),
            Column(row, slot, ref memos.Email, CellOf(LedgerField.ContactEmail, cells, count), static (v, r, c) => v.Email(r, c)),
            Column(row, slot, ref memos.CcEmails, CellOf(LedgerField.CcEmails, cells, count), static (v, r, c) => v.CcEmails(r, c)),
            Column(row, slot, ref memos.ContactName, CellOf(LedgerField.ContactName, cells, count), static (v, _, c) => c.IsBlank ? null : v.Pooled(c)),
            Column(row, slot, ref memos.Language, CellOf(LedgerField.Language, cells, count), static (v, r, c) => v.Language(r, c)),
            Column(row, slot, ref memos.TimeZone, CellOf(LedgerField.TimeZone, cells, count), static (v, r, c) => v.TimeZone(r, c)),
            Column(row, slot, ref memos.Country, CellOf(LedgerField.Country, cells, count), static (v, r, c) => v.Country(r, c)),
            Column(row, slot, ref memos.Grade, CellOf(LedgerField.CreditGrade, cells, count), static (v, r, c) => v.Grade(r, c)));
        if (slot is not null && _errors.Count == mark)
        {
            slot.AccountCells = AccountCells(cells, count);
        }

        return values;
    }

    // One account-level column: the memo's value when the cell repeats its text, else the cell validated (a delegate
    // per column is fine here: only an account's first rows and rows that change it come this way).
    private T Column<T>(int row, AccountSlot? slot, ref ColumnMemo<T> memo, LedgerCell cell, Func<LedgerRowValidator, int, LedgerCell, T> validate)
    {
        if (slot is not null && memo.TryGet(cell, out var remembered))
        {
            return remembered;
        }

        var mark = _errors.Count;
        return Remember(slot is not null, ref memo, cell, mark, validate(this, row, cell));
    }

    // Remembers a column's value when it validated without an error and the row's account is known.
    private T Remember<T>(bool known, ref ColumnMemo<T> memo, in LedgerCell cell, int errorsBefore, T value)
    {
        if (known && _errors.Count == errorsBefore && cell.Kind is LedgerCellKind.Text or LedgerCellKind.Empty)
        {
            memo.Set(_pool.Get(cell.Span.Trim()), value);
        }

        return value;
    }

    /// <summary>The account-level values of a row.</summary>
    private readonly record struct AccountValues(
        string? Name, string? Email, IReadOnlyList<string>? CcEmails, string? ContactName, NoticeLanguage? Language, string? TimeZone, string? Country, CreditGrade? Grade);
}
