namespace Collections.Pipeline.Cases;

/// <summary>The account index (entity + customer id -> active case).</summary>
public interface IAccountStore
{
    /// <summary>Loads an account record, or null.</summary>
    Task<AccountRecord?> GetAsync(string entity, string customerId, CancellationToken cancellationToken);

    /// <summary>Inserts (ETag null) or replaces (ETag matches) a record and returns it with its new ETag.</summary>
    /// <exception cref="CaseConcurrencyException">Changed or created meanwhile.</exception>
    Task<AccountRecord> SaveAsync(AccountRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Saves up to 100 records of one transaction group (<see cref="TransactionGroupOf"/>) together, all or nothing:
    /// inserts (ETag null) and replaces (ETag matches). Returns them with their new ETags.
    /// </summary>
    /// <exception cref="CaseConcurrencyException">Any of them changed or was created meanwhile; none was saved.</exception>
    Task<IReadOnlyList<AccountRecord>> SaveManyAsync(IReadOnlyList<AccountRecord> records, CancellationToken cancellationToken);

    /// <summary>Which records <see cref="SaveManyAsync"/> can take together: those of one entity with the same group.</summary>
    string TransactionGroupOf(string entity, string customerId);

    /// <summary>Every account of an entity (one read of its partitions).</summary>
    IAsyncEnumerable<AccountRecord> ListAsync(string entity, CancellationToken cancellationToken);

    /// <summary>Accounts of an entity that have an active case.</summary>
    IAsyncEnumerable<AccountRecord> ListActiveAsync(string entity, CancellationToken cancellationToken);
}
