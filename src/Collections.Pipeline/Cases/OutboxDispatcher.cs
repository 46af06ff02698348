using Collections.Domain.Cases;
using Collections.Notices.Email;
using Collections.Notices.Evidence;
using Collections.Notices.Rendering;
using Collections.Pipeline.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Cases;

/// <summary>
/// Sends outbox rows. A row is claimed (Pending -> Sending, conditional on its ETag), rendered, sent with
/// its stable idempotency key, and its outcome written together with the timeline entry. A row is never
/// sent twice: a claimed row is only re-sent when the provider deduplicates (ACS Operation-Id); otherwise a
/// send interrupted by a crash is marked Uncertain for an operator to check.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private readonly ICaseStore _cases;
    private readonly CaseEngine _engine;
    private readonly INoticeRenderer _renderer;
    private readonly IEmailSender _sender;
    private readonly IEvidenceStore _evidence;
    private readonly IScheduledQueue _outbox;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    /// <summary>Creates the dispatcher.</summary>
    public OutboxDispatcher(
        ICaseStore cases,
        CaseEngine engine,
        INoticeRenderer renderer,
        IEmailSender sender,
        IEvidenceStore evidence,
        IScheduledQueue outbox,
        TimeProvider time,
        EngineOptions options,
        ILogger<OutboxDispatcher> logger)
    {
        _cases = cases;
        _engine = engine;
        _renderer = renderer;
        _sender = sender;
        _evidence = evidence;
        _outbox = outbox;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Handles one outbox message. Throws <see cref="NoticeDeliveryException"/> on a transient failure so the
    /// queue delivers it again; on the last allowed delivery the case is marked Failed first.
    /// </summary>
    public async Task HandleAsync(OutboxMessage message, int dequeueCount, CancellationToken cancellationToken)
    {
        var entry = await _cases.GetOutboxEntryAsync(message.CaseId, message.OutboxId, cancellationToken);
        if (entry is null || entry.Status is OutboxStatus.Sent or OutboxStatus.Failed or OutboxStatus.Cancelled or OutboxStatus.Uncertain)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (entry.DueAt > now + TimeSpan.FromSeconds(1))
        {
            await _outbox.ScheduleAsync(message.ToJson(), entry.DueAt, cancellationToken);
            return;
        }

        using var activity = CollectionsTelemetry.ActivitySource.StartActivity("notice send");
        activity?.SetTag("collections.case_id", entry.CaseId);
        activity?.SetTag("collections.notice_kind", entry.Kind.ToString());
        var stored = await _cases.GetAsync(entry.CaseId, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var state = stored.State;
        if (entry.Kind is NoticeKind.PreDue or NoticeKind.Reminder or NoticeKind.Demand or NoticeKind.FinalNotice && (state.IsClosed || state.DoNotContact))
        {
            var reason = state.IsClosed ? "CaseClosed" : "DoNotContact";
            await _cases.UpdateOutboxAsync(entry with { Status = OutboxStatus.Cancelled, Error = reason }, Entry(now, TimelineType.NoticeSuppressed, entry, reason, null), cancellationToken);
            return;
        }

        if (entry.Status == OutboxStatus.Sending && !_options.ResendInterruptedSends)
        {
            const string Uncertain = "delivery uncertain: a send was interrupted and the provider cannot deduplicate, so it is not re-sent";
            await _cases.UpdateOutboxAsync(entry with { Status = OutboxStatus.Uncertain, Error = Uncertain }, Entry(now, TimelineType.NoticeFailed, entry, Uncertain, null), cancellationToken);
            CollectionsTelemetry.RecordNoticeFailed(entry.Kind, "uncertain");
            LogUncertain(entry.CaseId, entry.Id);
            return;
        }

        // Everything that can fail without sending happens before the claim, so a claimed row means a send was attempted.
        var timeline = await _cases.GetTimelineAsync(state.CaseId, cancellationToken);
        RenderedNotice rendered;
        try
        {
            rendered = _renderer.Render(BuildRequest(state, timeline, entry, now));
        }
        catch (ArgumentException ex)
        {
            await _cases.UpdateOutboxAsync(entry with { Status = OutboxStatus.Failed, Error = ex.Message }, Entry(now, TimelineType.NoticeFailed, entry, ex.Message, null), cancellationToken);
            CollectionsTelemetry.RecordNoticeFailed(entry.Kind, "render");
            LogPermanentFailure(entry.CaseId, entry.Kind, "render");
            return;
        }

        if (entry.Kind == NoticeKind.LegalHandoff)
        {
            var pack = EvidencePackBuilder.Build(EvidenceMapper.ToInput(state, timeline, now));
            await _evidence.WriteAsync(state.CaseId, pack, cancellationToken);
        }

        OutboxEntry claimed;
        try
        {
            claimed = await _cases.UpdateOutboxAsync(entry with { Status = OutboxStatus.Sending, Attempts = entry.Attempts + 1 }, null, cancellationToken);
        }
        catch (CaseConcurrencyException)
        {
            return; // another dispatcher claimed it
        }

        var result = await _sender.SendAsync(EmailMessage.FromNotice(rendered, claimed.IdempotencyKey), cancellationToken);
        if (result.Succeeded)
        {
            await _cases.UpdateOutboxAsync(
                claimed with { Status = OutboxStatus.Sent, SentAt = now, ProviderMessageId = result.ProviderMessageId, Error = null },
                Entry(now, TimelineType.NoticeSent, claimed, null, Details(rendered, result)),
                cancellationToken);
            CollectionsTelemetry.RecordNoticeSent(claimed.Kind);
            LogSent(claimed.CaseId, claimed.Kind);
            return;
        }

        var error = $"{result.ErrorCode}: {result.ErrorDetail}";
        if (result.Failure == SendFailureKind.Permanent)
        {
            await _cases.UpdateOutboxAsync(
                claimed with { Status = OutboxStatus.Failed, Error = error, ProviderMessageId = result.ProviderMessageId },
                Entry(now, TimelineType.NoticeFailed, claimed, error, Details(rendered, result)),
                cancellationToken);
            CollectionsTelemetry.RecordNoticeFailed(claimed.Kind, "permanent");
            LogPermanentFailure(claimed.CaseId, claimed.Kind, result.ErrorCode ?? "");
            return;
        }

        // Transient: give the row back and let the queue deliver the message again.
        CollectionsTelemetry.RecordNoticeFailed(claimed.Kind, "transient");
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.ErrorCode);
        await _cases.UpdateOutboxAsync(claimed with { Status = OutboxStatus.Pending, Error = error }, null, cancellationToken);
        if (dequeueCount >= _options.MaxDequeueCount)
        {
            await _engine.MarkFailedAsync(claimed.CaseId, $"{claimed.Kind} notice could not be sent after {dequeueCount} attempts: {error}", cancellationToken);
        }

        throw new NoticeDeliveryException(claimed.CaseId, claimed.Id, error);
    }

    // The request, the send's details and its timeline row are built exactly as the case orchestration's SendNotice
    // activity builds them (one place, while both engines exist).
    private NoticeRequest BuildRequest(CaseState state, IReadOnlyList<TimelineEntry> timeline, OutboxEntry entry, DateTimeOffset now) =>
        Orchestration.NoticeTimeline.Request(state, timeline, entry, now, _engine.Policy, _options.DashboardBaseUrl);

    private static Dictionary<string, string> Details(RenderedNotice rendered, SendResult result) => Orchestration.NoticeTimeline.Details(rendered, result);

    private static TimelineEntry Entry(DateTimeOffset now, TimelineType type, OutboxEntry entry, string? reason, IReadOnlyDictionary<string, string>? data) =>
        Orchestration.NoticeTimeline.Entry(now, type, entry, reason, data);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Sent {Kind} notice for case {CaseId}")]
    private partial void LogSent(string caseId, NoticeKind kind);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Kind} notice for case {CaseId} failed permanently ({ErrorCode})")]
    private partial void LogPermanentFailure(string caseId, NoticeKind kind, string errorCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Outbox row {OutboxId} of case {CaseId} was interrupted mid-send; marked uncertain")]
    private partial void LogUncertain(string caseId, string outboxId);
}
