using System.Globalization;
using System.Text.Json;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Pipeline.Simulation;

namespace Collections.Host.Cli;

/// <summary>
/// Reads a simulation events file: a JSON array of <c>{ at, customerId, entity?, type, ...fields }</c> with
/// types promise, dispute, resolveDispute, pause, resume, escalateNow, approve, reject, writeOff,
/// doNotContact and terminate. Every problem is reported with the event's index and field.
/// </summary>
internal static class SimulationEventsFile
{
    public static (List<ScriptedEvent> Events, List<string> Errors) Parse(string json)
    {
        var events = new List<ScriptedEvent>();
        var errors = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (events, [$"not valid JSON: {ex.Message}"]);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (events, ["the events file must be a JSON array of event objects"]);
            }

            var index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var where = $"event [{index++}]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{where}: must be an object");
                    continue;
                }

                var problems = new List<string>();
                var at = Instant(e, "at", problems, required: true);
                var customer = Text(e, "customerId", problems, required: true);
                var entity = Text(e, "entity", problems, required: false) ?? AccountKey.DefaultEntity;
                var type = Text(e, "type", problems, required: true);
                var reason = Text(e, "reason", problems, required: false);
                CaseEvent? evt = type switch
                {
                    "promise" => Promise(e, problems),
                    "dispute" => new DisputeRaised(Ids(e, problems), reason ?? Missing(problems, "reason")),
                    "resolveDispute" => new DisputeSettled(Ids(e, problems), reason),
                    "pause" => new PauseRequested(reason ?? Missing(problems, "reason"), Instant(e, "until", problems, required: false)),
                    "resume" => new ResumeRequested(),
                    "escalateNow" => new EscalateNowRequested(reason),
                    "approve" => new EscalationApproved(),
                    "reject" => new EscalationRejected(reason),
                    "writeOff" => new WriteOffRequested(reason ?? Missing(problems, "reason")),
                    "terminate" => new TerminateRequested(reason ?? Missing(problems, "reason")),
                    "doNotContact" => new DoNotContactChanged(!e.TryGetProperty("on", out var on) || on.ValueKind != JsonValueKind.False, reason),
                    null => null,
                    _ => Unknown(problems, type),
                };
                if (problems.Count > 0 || evt is null || at is null || customer is null)
                {
                    errors.AddRange(problems.Select(p => $"{where}: {p}"));
                    continue;
                }

                events.Add(new ScriptedEvent(at.Value, entity, customer, evt with { Actor = "simulation" }));
            }
        }

        return (events, errors);
    }

    private static PromiseMade? Promise(JsonElement e, List<string> problems)
    {
        var date = Text(e, "promisedDate", problems, required: true);
        var currency = Text(e, "currency", problems, required: true);
        decimal? amount = e.TryGetProperty("amount", out var a) switch
        {
            true when a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var n) => n,
            true when a.ValueKind == JsonValueKind.String && decimal.TryParse(a.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
        if (amount is null)
        {
            problems.Add("amount: required, a decimal number");
        }

        DateOnly promised = default;
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out promised))
        {
            problems.Add($"promisedDate: '{date}' is not a yyyy-MM-dd date");
        }

        Currency? ccy = null;
        if (currency is not null && !Currency.TryParse(currency, out ccy))
        {
            problems.Add($"currency: '{currency}' is not an ISO 4217 code");
        }

        return amount is null || ccy is null || date is null ? null : new PromiseMade(promised, new Money(amount.Value, ccy.Value));
    }

    private static List<string> Ids(JsonElement e, List<string> problems)
    {
        if (!e.TryGetProperty("invoiceIds", out var ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0
            || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
        {
            problems.Add("invoiceIds: required, a non-empty array of invoice ids");
            return [];
        }

        return [.. ids.EnumerateArray().Select(i => i.GetString()!)];
    }

    private static string? Text(JsonElement e, string name, List<string> problems, bool required)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
        {
            return v.GetString()!.Trim();
        }

        if (required)
        {
            problems.Add($"{name}: required");
        }

        return null;
    }

    private static DateTimeOffset? Instant(JsonElement e, string name, List<string> problems, bool required)
    {
        var text = Text(e, name, problems, required);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return t;
        }

        problems.Add($"{name}: '{text}' is not an ISO 8601 instant with an offset (e.g. 2026-06-15T10:00:00Z)");
        return null;
    }

    private static string Missing(List<string> problems, string field)
    {
        problems.Add($"{field}: required");
        return "";
    }

    private static CaseEvent? Unknown(List<string> problems, string type)
    {
        problems.Add($"type: '{type}' is not one of promise, dispute, resolveDispute, pause, resume, escalateNow, approve, reject, writeOff, doNotContact, terminate");
        return null;
    }
}
