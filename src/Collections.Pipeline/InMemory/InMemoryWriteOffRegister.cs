using System.Runtime.CompilerServices;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.WriteOffs;

namespace Collections.Pipeline.InMemory;

/// <summary>The write-off register in memory (simulation and unit tests); one entry per case and item, like the table.</summary>
public sealed class InMemoryWriteOffRegister : IWriteOffRegister
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Entity, string Customer, string Invoice, string Currency, string CaseId), WrittenOffItem> _items = [];

    /// <summary>Every recorded item.</summary>
    public IReadOnlyList<WrittenOffItem> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values];
            }
        }
    }

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<WrittenOffItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (var item in items)
            {
                _items[(item.Account.Entity, item.Account.CustomerId, item.InvoiceId, item.Currency.Code, item.CaseId)] = item;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WrittenOffItem> ListAsync(string entity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<WrittenOffItem> rows;
        lock (_gate)
        {
            rows = [.. _items.Values.Where(i => string.Equals(i.Account.Entity, entity, StringComparison.Ordinal))];
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask;
    }
}
