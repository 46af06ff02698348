using System.Globalization;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>The item-level values of a row: dates, currency, amounts and their limits, the disputed flag, signs, as_of.</summary>
internal sealed partial class LedgerRowValidator
{
    private DateOnly? Date(int row, LedgerField field, in LedgerCell cell, bool required)
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
    private DateOnly? InDateRange(int row, LedgerField field, in LedgerCell cell, DateOnly date)
    {
        if (LedgerValues.IsInDateRange(date))
        {
            return date;
        }

        Error(LedgerErrorCode.InvalidDate, row, field, cell, string.Create(CultureInfo.InvariantCulture,
            $"{field.ToName()} out of range: dates must lie between {LedgerValues.MinDate:yyyy-MM-dd} and {LedgerValues.MaxDate:yyyy-MM-dd}"));
        return null;
    }

    private Currency? CurrencyOf(int row, in LedgerCell cell)
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

    private decimal? Amount(int row, LedgerField field, in LedgerCell cell)
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

    private decimal? WithinLimit(int row, LedgerField field, in LedgerCell cell, decimal amount)
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

    private bool Flag(int row, in LedgerCell cell)
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

    private void CheckAsOf(int row, in LedgerCell cell)
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
