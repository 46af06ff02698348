using System.Globalization;

namespace Collections.Pipeline.Storage;

/// <summary>
/// The account index's partitions: an entity's accounts are spread over <see cref="Buckets"/> partitions by a
/// fixed hash of the customer id, so a large entity is not one partition. Azure serves about 2,000 entities a
/// second per partition, and Azurite's inserts slow as a partition grows (docs/benchmarks.md, ingest-apply); an
/// entity-group transaction still takes up to 100 accounts of one bucket. The key is the escaped entity, <c>~</c>
/// and two hex digits: no <c>%</c> of its own (Azure Tables has refused point operations on keys with <c>%</c>),
/// and a fixed-length suffix, so two entities' partitions never share a key; an entity named like another's
/// partition (<c>SH01~0a</c>) falls inside that entity's key range, so every read also checks the row's entity.
/// Before 2026-12-02 the partition was the entity alone: such rows are moved into their bucket when read
/// (<see cref="TableAccountStore"/>).
/// </summary>
internal static class AccountPartitions
{
    /// <summary>Partitions per entity. Never change it: it decides where every existing row is.</summary>
    public const int Buckets = 16;

    /// <summary>The partition of an account.</summary>
    public static string Of(string entity, string customerId) => Partition(TableKeys.Encode(entity), Bucket(customerId));

    /// <summary>The first and last partition of an entity (a range query reads all of them; filter on the entity too).</summary>
    public static (string First, string Last) RangeOf(string entity)
    {
        var encoded = TableKeys.Encode(entity);
        return (Partition(encoded, 0), Partition(encoded, Buckets - 1));
    }

    /// <summary>The partition the entity's accounts had before buckets.</summary>
    public static string Legacy(string entity) => TableKeys.Encode(entity);

    /// <summary>
    /// The bucket of a customer id: FNV-1a over its UTF-16 code units. Hand-written because it must never change
    /// (the runtime's string hash is randomised per process; a package's could change between versions).
    /// </summary>
    public static int Bucket(string customerId)
    {
        var hash = 2166136261u;
        foreach (var c in customerId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Buckets);
    }

    private static string Partition(string encodedEntity, int bucket) => encodedEntity + "~" + bucket.ToString("x2", CultureInfo.InvariantCulture);
}
