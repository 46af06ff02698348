using System.Collections;
using Azure;

namespace Collections.Storage.Tables;

/// <summary>
/// A table entity: <see cref="PartitionKey"/>, <see cref="RowKey"/>, the server's <see cref="Timestamp"/> and
/// <see cref="ETag"/>, and typed custom properties: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> (a <see cref="DateTime"/> is converted to UTC),
/// <see cref="Guid"/> and <c>byte[]</c>. A <see langword="null"/> value is not stored (the property is absent).
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with empty keys.</summary>
    public TableEntity()
    {
    }

    /// <summary>Creates an entity with its keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    /// <summary>The partition key.</summary>
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>The row key.</summary>
    public string RowKey { get; set; } = string.Empty;

    /// <summary>The server's last-modified time (read only on the service side).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag as returned by the service.</summary>
    public ETag ETag { get; set; }

    /// <summary>The number of custom properties.</summary>
    public int Count => _properties.Count;

    /// <summary>The custom property names.</summary>
    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>Gets (null when absent) or sets a custom property. <c>PartitionKey</c> and <c>RowKey</c> map to the key properties.</summary>
    /// <exception cref="ArgumentException">The value's type is not supported, or the name is reserved.</exception>
    public object? this[string name]
    {
        get => name switch
        {
            "PartitionKey" => PartitionKey,
            "RowKey" => RowKey,
            _ => _properties.TryGetValue(name, out var value) ? value : null,
        };
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            switch (name)
            {
                case "PartitionKey":
                    PartitionKey = value as string ?? throw new ArgumentException("PartitionKey must be a string.", nameof(value));
                    return;
                case "RowKey":
                    RowKey = value as string ?? throw new ArgumentException("RowKey must be a string.", nameof(value));
                    return;
                case "Timestamp" or "ETag" or "odata.etag":
                    throw new ArgumentException($"'{name}' is set by the service; use the {name} property of the entity instead.", nameof(name));
            }

            _properties[name] = Normalize(name, value);
        }
    }

    /// <summary>Whether a custom property is present.</summary>
    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    /// <summary>Removes a custom property.</summary>
    public bool Remove(string name) => _properties.Remove(name);

    /// <summary>Gets a string property (null when absent).</summary>
    public string? GetString(string name) => Get<string>(name);

    /// <summary>Gets an Int32 property (null when absent).</summary>
    public int? GetInt32(string name) => Get<int>(name);

    /// <summary>Gets an Int64 property; an Int32 value widens (null when absent).</summary>
    public long? GetInt64(string name) => this[name] is int i ? i : Get<long>(name);

    /// <summary>Gets a Double property; integers widen (null when absent).</summary>
    public double? GetDouble(string name) => this[name] switch
    {
        int i => i,
        long l => l,
        _ => Get<double>(name),
    };

    /// <summary>Gets a Boolean property (null when absent).</summary>
    public bool? GetBoolean(string name) => Get<bool>(name);

    /// <summary>Gets a DateTime property (null when absent).</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => Get<DateTimeOffset>(name);

    /// <summary>Gets a Guid property (null when absent).</summary>
    public Guid? GetGuid(string name) => Get<Guid>(name);

    /// <summary>Gets a Binary property (null when absent).</summary>
    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void SetFromService(string name, object? value) => _properties[name] = value;

    private T? Get<T>(string name)
    {
        var value = this[name];
        return value switch
        {
            null => default,
            T typed => typed,
            _ => throw new InvalidCastException($"Property '{name}' is {value.GetType().Name}, not {typeof(T).Name}."),
        };
    }

    private static object? Normalize(string name, object? value) => value switch
    {
        null or string or int or long or double or bool or Guid or DateTimeOffset or byte[] => value,
        DateTime dt => TableEntityJson.ToUtc(dt),
        BinaryData data => data.ToArray(),
        float f => (double)f,
        _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}; use string, int, long, double, bool, DateTimeOffset, Guid or byte[].", nameof(value)),
    };
}
