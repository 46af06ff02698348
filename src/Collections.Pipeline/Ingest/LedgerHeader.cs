namespace Collections.Pipeline.Ingest;

/// <summary>Which file column holds each canonical field, built from the header row.</summary>
internal sealed class LedgerHeader
{
    private static readonly int FieldCount = Enum.GetValues<LedgerField>().Length;

    private readonly int[] _columnOf;

    private LedgerHeader(int[] columnOf, bool[] wanted)
    {
        _columnOf = columnOf;
        Wanted = wanted;
    }

    /// <summary>Per file column: whether any field reads it.</summary>
    public bool[] Wanted { get; }

    /// <summary>The file column of a field, or -1 when the file has none.</summary>
    public int ColumnOf(LedgerField field) => _columnOf[(int)field];

    /// <summary>The cell of a field in a row, or an empty cell when the column is absent or short.</summary>
    public LedgerCell Cell(LedgerField field, LedgerCell[] cells, int cellCount)
    {
        var column = _columnOf[(int)field];
        return column >= 0 && column < cellCount ? cells[column] : LedgerCell.Empty;
    }

    /// <summary>
    /// Maps header cells: the profile's column names first, then every alias of domain.md. Unknown
    /// columns are ignored. Reports a header with nothing recognisable, a field claimed by two columns,
    /// and missing required columns (all of them at once, one error each naming its column).
    /// </summary>
    public static LedgerHeader? TryBuild(LedgerCell[] cells, int count, int headerRow, MappingProfile? profile, LedgerErrorList errors)
    {
        var columnOf = Enumerable.Repeat(-1, FieldCount).ToArray();
        var headers = new string[count];
        var profileFields = profile?.Columns.Values.ToHashSet() ?? [];
        var recognised = 0;
        var ok = true;
        for (var i = 0; i < count; i++)
        {
            headers[i] = cells[i].AsText();
            var key = LedgerFields.Normalize(headers[i]);
            LedgerField field;
            if (profile is not null && profile.Columns.TryGetValue(key, out var mapped))
            {
                field = mapped;
            }
            else if (LedgerFields.TryFromHeader(key, out var aliased) && !profileFields.Contains(aliased))
            {
                field = aliased;
            }
            else
            {
                continue;
            }

            recognised++;
            var existing = columnOf[(int)field];
            if (existing >= 0)
            {
                errors.Add(new LedgerError(LedgerErrorCode.DuplicateColumn, headerRow, field.ToName(), headers[i],
                    $"columns '{headers[existing]}' and '{headers[i]}' both map to {field.ToName()}"));
                ok = false;
                continue;
            }

            columnOf[(int)field] = i;
        }

        if (recognised == 0)
        {
            errors.FileLevel(LedgerErrorCode.NotALedger,
                "not a ledger: the first non-empty row has no recognisable column names (expected customer_id, invoice_id, due_date, amount ...)");
            return null;
        }

        var missing = LedgerFields.Required
            .Where(f => columnOf[(int)f] < 0)
            .Where(f => !(f == LedgerField.Currency && profile?.Defaults.Currency is not null))
            .Select(f => f.ToName())
            .ToList();
        foreach (var name in missing)
        {
            // One error per column, its name in the machine-readable column field.
            errors.Add(new LedgerError(LedgerErrorCode.MissingColumns, null, name, null,
                $"missing required column {name} (missing required columns: {string.Join(", ", missing)})"));
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var wanted = new bool[count];
        foreach (var column in columnOf.Where(c => c >= 0))
        {
            wanted[column] = true;
        }

        return new LedgerHeader(columnOf, wanted);
    }
}
