using System.Text.RegularExpressions;

namespace Collections.Storage.Tables;

/// <summary>
/// The Table service limits, enforced on the client before sending (Azurite does not enforce most of them).
/// </summary>
public static partial class TableLimits
{
    /// <summary>Maximum key length in characters: 1 KiB of UTF-16 (Azurite rejects 513 characters).</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Maximum estimated entity size: 1 MiB.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Maximum custom properties (255 including PartitionKey, RowKey and Timestamp).</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>Maximum string property length in characters: 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>Maximum binary property length in bytes.</summary>
    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>Maximum property name length.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>Maximum operations in one entity-group transaction.</summary>
    public const int MaxTransactionOperations = 100;

    /// <summary>Maximum entity-group transaction body size: 4 MiB.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> when a partition or row key breaks a service rule.</summary>
    public static void ValidateKey(string key, string keyName)
    {
        ArgumentNullException.ThrowIfNull(key, keyName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{keyName} is {key.Length} characters; the limit is {MaxKeyLength} (1 KiB).", keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                throw new ArgumentException($"{keyName} contains U+{(int)c:X4}; keys may not contain '/', '\\', '#', '?' or control characters.", keyName);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when an entity breaks a service limit.</summary>
    public static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        if (entity.Count > MaxCustomProperties)
        {
            throw new ArgumentException($"The entity has {entity.Count} custom properties; the limit is {MaxCustomProperties}.", nameof(entity));
        }

        foreach (var (name, value) in entity)
        {
            if (name.Length > MaxPropertyNameLength || !IdentifierRegex().IsMatch(name))
            {
                throw new ArgumentException($"Property name '{Truncate(name)}' must be a C# identifier of at most {MaxPropertyNameLength} characters.", nameof(entity));
            }

            switch (value)
            {
                case string s when s.Length > MaxStringLength:
                    throw new ArgumentException($"Property '{name}' is {s.Length} characters; strings are limited to {MaxStringLength} (64 KiB).", nameof(entity));
                case byte[] b when b.Length > MaxBinaryBytes:
                    throw new ArgumentException($"Property '{name}' is {b.Length} bytes; binary values are limited to {MaxBinaryBytes} (64 KiB).", nameof(entity));
            }
        }

        var size = EstimateSize(entity);
        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is about {size} bytes; the limit is {MaxEntityBytes} (1 MiB).", nameof(entity));
        }
    }

    /// <summary>The service's size formula: 4 + 2×(PK+RK lengths) + Σ(8 + 2×name length + value size).</summary>
    public static long EstimateSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + (2L * entity.PartitionKey.Length) + (2L * entity.RowKey.Length);
        foreach (var (name, value) in entity)
        {
            size += 8 + (2L * name.Length) + value switch
            {
                string s => 4 + (2L * s.Length),
                byte[] b => 4 + b.Length,
                int => 4,
                long or double or DateTimeOffset => 8,
                bool => 1,
                Guid => 16,
                _ => 0,
            };
        }

        return size;
    }

    private static string Truncate(string name) => name.Length > 40 ? name[..40] + "…" : name;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();
}
