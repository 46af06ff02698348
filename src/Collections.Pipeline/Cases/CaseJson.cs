using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Cases;

/// <summary>JSON for persisted case state and timeline entries: camelCase, enums as names, currencies as codes.</summary>
public static class CaseJson
{
    /// <summary>The options every persisted case document uses.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new CurrencyConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class CurrencyConverter : JsonConverter<Currency>
    {
        public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Currency.TryParse(reader.GetString(), out var c) ? c.Value : throw new JsonException($"'{reader.GetString()}' is not a known currency.");

        public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }
}
