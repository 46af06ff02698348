using System.Text.Json;

namespace Collections.Benchmarks.Chaos;

/// <summary>MailDev's REST API: <c>GET /email</c>, every e-mail it holds, reduced to their Message-IDs.</summary>
internal static class MailDevInbox
{
    /// <summary>How many e-mails carry each Message-ID (without angle brackets).</summary>
    public static async Task<Dictionary<string, int>> CountByMessageIdAsync(HttpClient http, Uri web)
    {
        var json = await http.GetStringAsync(new Uri(web, "email"));
        using var doc = JsonDocument.Parse(json);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mail in doc.RootElement.EnumerateArray())
        {
            var id = mail.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
                : mail.TryGetProperty("headers", out var h) && h.TryGetProperty("message-id", out var hm) ? hm.GetString() : null;
            id = (id ?? "(none)").Trim().Trim('<', '>');
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        return counts;
    }
}
