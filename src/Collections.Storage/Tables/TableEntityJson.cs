using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace Collections.Storage.Tables;

/// <summary>Entity JSON: typed values with <c>@odata.type</c> annotations out, minimal-metadata annotations in.</summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A <see cref="DateTime"/> as an instant: <see cref="DateTimeKind.Unspecified"/> is taken as UTC, local time is converted.</summary>
    public static DateTimeOffset ToUtc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(entity, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Serialize(TableEntity entity, IBufferWriter<byte> output)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);

            foreach (var (name, value) in entity)
            {
                switch (value)
                {
                    case null:
                        break;
                    case string s:
                        writer.WriteString(name, s);
                        break;
                    case int i:
                        writer.WriteNumber(name, i);
                        break;
                    case bool b:
                        writer.WriteBoolean(name, b);
                        break;
                    case long l:
                        writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                        writer.WriteString(name + TypeSuffix, "Edm.Int64");
                        break;
                    case double d when double.IsFinite(d):
                        writer.WriteNumber(name, d);
                        writer.WriteString(name + TypeSuffix, "Edm.Double");
                        break;
                    case double d:
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                        writer.WriteString(name + TypeSuffix, "Edm.Double");
                        break;
                    case DateTimeOffset dto:
                        writer.WriteString(name, FormatDate(dto));
                        writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                        break;
                    case Guid g:
                        writer.WriteString(name, g.ToString("D"));
                        writer.WriteString(name + TypeSuffix, "Edm.Guid");
                        break;
                    case byte[] bytes:
                        writer.WriteString(name, Convert.ToBase64String(bytes));
                        writer.WriteString(name + TypeSuffix, "Edm.Binary");
                        break;
                }
            }

            writer.WriteEndObject();
        }
    }

    public static TableEntity Deserialize(JsonElement json, string? etagHeader = null)
    {
        var entity = new TableEntity();
        if (etagHeader is not null)
        {
            entity.ETag = new ETag(etagHeader);
        }

        var types = TypeAnnotations(json);
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "odata.etag":
                    entity.ETag = new ETag(value.GetString()!);
                    continue;
                case "PartitionKey":
                    entity.PartitionKey = value.GetString()!;
                    continue;
                case "RowKey":
                    entity.RowKey = value.GetString()!;
                    continue;
                case "Timestamp":
                    entity.Timestamp = DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            var type = types is not null && types.TryGetValue(name, out var t) ? t.GetString() : null;
            entity.SetFromService(name, ReadValue(value, type));
        }

        return entity;
    }

    // Keyed by the annotated property's name; a repeated annotation keeps the last, as TryGetProperty would.
    // The elements are kept unread so only the annotations of read properties have to be strings.
    private static Dictionary<string, JsonElement>? TypeAnnotations(JsonElement json)
    {
        Dictionary<string, JsonElement>? types = null;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                types[property.Name[..^TypeSuffix.Length]] = property.Value;
            }
        }

        return types;
    }

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble();
            case "Edm.DateTime":
                return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture);
            case "Edm.Binary":
                return Convert.FromBase64String(value.GetString()!);
            case "Edm.Int32":
                return value.GetInt32();
            case "Edm.Boolean":
                return value.GetBoolean();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // TryGetInt32/TryGetInt64 reject 1.0 and 1e2, so those stay doubles.
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number when value.TryGetInt64(out var l) => l,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        };
    }
}
