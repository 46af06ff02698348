using System.Diagnostics;
using System.Diagnostics.Metrics;
using Collections.Domain.Cases;

namespace Collections.Pipeline.Diagnostics;

/// <summary>
/// The product's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>, and the instruments operators watch. Nothing is exported unless the host subscribes
/// (<c>Telemetry:Exporter</c>); with no listener every call here costs next to nothing.
/// Tags carry identifiers and enums only (case id, stage, notice kind, queue): never a debtor's name,
/// e-mail address or an amount.
/// </summary>
public static class CollectionsTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Collections";

    /// <summary>Spans: queue message processing, timer handling, notice sends, ledger ingest.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, Version());

    /// <summary>The meter every instrument below belongs to.</summary>
    public static readonly Meter Meter = new(Name, Version());

    /// <summary>Ledger data rows read, tagged <c>outcome</c> = <c>accepted</c> | <c>rejected</c>.</summary>
    public static readonly Counter<long> IngestRows = Meter.CreateCounter<long>(
        "collections.ingest.rows", "{row}", "Ledger data rows read, by outcome (accepted, rejected).");

    /// <summary>
    /// Committed case versions, tagged with the <c>stage</c> and <c>status</c> they reached: the rate per stage
    /// shows the ladder moving; cases currently in a stage come from the Cases table (API and dashboard).
    /// </summary>
    public static readonly Counter<long> CaseTransitions = Meter.CreateCounter<long>(
        "collections.cases.transitions", "{transition}", "Case state changes, by the stage and status reached.");

    /// <summary>Notices accepted by the e-mail provider, tagged <c>kind</c>.</summary>
    public static readonly Counter<long> NoticesSent = Meter.CreateCounter<long>(
        "collections.notices.sent", "{notice}", "Notices accepted by the e-mail provider, by kind.");

    /// <summary>Notices that failed, tagged <c>kind</c> and <c>failure</c> = <c>permanent</c> | <c>transient</c> | <c>render</c> | <c>uncertain</c>.</summary>
    public static readonly Counter<long> NoticesFailed = Meter.CreateCounter<long>(
        "collections.notices.failed", "{notice}", "Notices that failed, by kind and failure (permanent, transient, render, uncertain).");

    /// <summary>
    /// How late durable timers fire: the app clock's now minus the timer's due instant, in seconds of app time
    /// (with an accelerated clock, real lag times the clock speed).
    /// </summary>
    public static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>(
        "collections.timers.lag", "s", "Actual minus due time of durable timers (app clock).");

    /// <summary>Queue messages handled by the standalone pumps, tagged <c>queue</c> and <c>outcome</c> = <c>handled</c> | <c>failed</c> | <c>poisoned</c>.</summary>
    public static readonly Counter<long> QueueMessages = Meter.CreateCounter<long>(
        "collections.queue.messages", "{message}", "Queue messages processed by the standalone pumps, by queue and outcome.");

    /// <summary>Counts ledger rows (call once per file with the data row count).</summary>
    public static void RecordIngestRows(long rows, bool accepted) =>
        IngestRows.Add(rows, new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "rejected"));

    /// <summary>Counts a committed case version.</summary>
    public static void RecordTransition(CaseStage stage, RuntimeStatus status) =>
        CaseTransitions.Add(1, new KeyValuePair<string, object?>("stage", stage.ToString()), new KeyValuePair<string, object?>("status", status.ToString()));

    /// <summary>Counts a notice the provider accepted.</summary>
    public static void RecordNoticeSent(NoticeKind kind) =>
        NoticesSent.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    /// <summary>Counts a failed notice.</summary>
    public static void RecordNoticeFailed(NoticeKind kind, string failure) =>
        NoticesFailed.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("failure", failure));

    /// <summary>Records how late a timer fired (negative when early).</summary>
    public static void RecordTimerLag(TimeSpan lag) => TimerLag.Record(lag.TotalSeconds);

    /// <summary>Counts a queue message outcome.</summary>
    public static void RecordQueueMessage(string queue, string outcome) =>
        QueueMessages.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("outcome", outcome));

    private static string Version() =>
        typeof(CollectionsTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
