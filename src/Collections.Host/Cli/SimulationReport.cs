using System.Globalization;
using System.Text.Json.Serialization;
using Collections.Domain.Cases;
using Collections.Pipeline.Simulation;

namespace Collections.Host.Cli;

/// <summary>The <c>simulate</c> verb's JSON document (issue 5's shape).</summary>
internal sealed record SimulationReport(string From, string To, IReadOnlyList<SimulationReportCase> Cases)
{
    private static readonly string[] Promoted = ["to", "cc", "language", "outboxId"];

    public static SimulationReport Create(SimulationResult result) => new(
        Instant(result.From, TimeZoneInfo.Utc),
        Instant(result.To, TimeZoneInfo.Utc),
        [.. result.Cases.Select(c =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(c.State.Contact?.TimeZoneId ?? "UTC");
            return new SimulationReportCase(
                c.State.CaseId,
                c.State.Account.Entity,
                c.State.Account.CustomerId,
                [.. c.Timeline.Select(e => Entry(e, zone) with
                {
                    Subject = e.Type == TimelineType.NoticeSent ? result.MessageOf(c.State.CaseId, e.Data)?.Subject : null,
                    Text = e.Type == TimelineType.NoticeSent ? result.MessageOf(c.State.CaseId, e.Data)?.Text : null,
                })],
                new SimulationReportFinal(c.State.Status.ToString(), c.State.Stage.ToString()));
        })]);

    private static SimulationReportEntry Entry(TimelineEntry e, TimeZoneInfo zone)
    {
        var isNotice = e.Notice is not null && e.Type is TimelineType.NoticeSent or TimelineType.NoticeDeferred or TimelineType.NoticeSuppressed or TimelineType.NoticeFailed;
        var data = e.Data?.Where(kv => !Promoted.Contains(kv.Key, StringComparer.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new SimulationReportEntry(
            Instant(e.At, zone),
            e.Type.ToString(),
            isNotice ? e.Notice!.Value.ToString() : e.Stage?.ToString())
        {
            Language = e.Data?.GetValueOrDefault("language"),
            To = Split(e.Data?.GetValueOrDefault("to")),
            Cc = Split(e.Data?.GetValueOrDefault("cc")),
            Reason = e.Reason,
            Actor = e.Actor,
            Data = data is { Count: > 0 } ? data : null,
        };
    }

    private static IReadOnlyList<string>? Split(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static string Instant(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.Offset == TimeSpan.Zero && zone.Equals(TimeZoneInfo.Utc)
            ? local.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}

/// <summary>One case of the simulation report.</summary>
internal sealed record SimulationReportCase(string CaseId, string Entity, string CustomerId, IReadOnlyList<SimulationReportEntry> Timeline, SimulationReportFinal Final);

/// <summary>The state a case ended the simulation in.</summary>
internal sealed record SimulationReportFinal(string RuntimeStatus, string Stage);

/// <summary>A timeline entry; <c>stage</c> is the notice kind for notice entries (PreDue ... Escalation, Receipt, acknowledgements).</summary>
internal sealed record SimulationReportEntry(string At, string Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stage)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? To { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Cc { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Actor { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    /// <summary>The rendered subject (NoticeSent entries), so a policy or template change can be read before it goes live.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subject { get; init; }

    /// <summary>The rendered plain-text body (NoticeSent entries).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}
