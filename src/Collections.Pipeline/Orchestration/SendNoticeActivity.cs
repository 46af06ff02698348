using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Notices.Email;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Diagnostics;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Sends one outbox row exactly once across crashes and replays. The row is checked first (a row already
/// Sent, Failed, Cancelled or Uncertain only reports its outcome), claimed (Pending -> Sending, conditional on
/// its ETag), rendered and sent with its stable idempotency key (ACS <c>Operation-Id</c>, SMTP <c>Message-ID</c>),
/// and its outcome written together with the timeline row. A claimed row is only sent again when the provider
/// deduplicates; otherwise a send interrupted by a crash becomes Uncertain. A transient failure throws, so the
/// orchestration's retry policy calls again.
/// </summary>
public sealed partial class SendNoticeActivity : TaskActivity<SendNoticeRequest, string>
{
    private readonly ICaseProjectionStore _store;
    private readonly INoticeRenderer _renderer;
    private readonly IEmailSender _sender;
    private readonly PolicyCatalog _policies;
    private readonly CaseOptions _options;
    private readonly ILogger<SendNoticeActivity> _logger;

    /// <summary>Creates the activity.</summary>
    public SendNoticeActivity(ICaseProjectionStore store, INoticeRenderer renderer, IEmailSender sender, PolicyCatalog policies, CaseOptions options, ILogger<SendNoticeActivity> logger)
    {
        _store = store;
        _renderer = renderer;
        _sender = sender;
        _policies = policies;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, SendNoticeRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var state = JsonSerializer.Deserialize<CaseState>(input.State, CaseJson.Options)!;
        var entry = await OutboxRows.ForRequestAsync(_store, state, input, ct);
        if (entry is null)
        {
            return "Claimed"; // a duplicate run of this activity rewrote the row first and sends it
        }

        if (entry.Status is OutboxStatus.Sent or OutboxStatus.Failed or OutboxStatus.Cancelled or OutboxStatus.Uncertain)
        {
            return entry.Status.ToString();
        }

        var now = input.At;
        var policy = _policies.Resolve(input.PolicyVersion);
        using var activity = CollectionsTelemetry.ActivitySource.StartActivity("notice send");
        activity?.SetTag("collections.case_id", entry.CaseId);
        activity?.SetTag("collections.notice_kind", entry.Kind.ToString());
        if (entry.Kind is NoticeKind.PreDue or NoticeKind.Reminder or NoticeKind.Demand or NoticeKind.FinalNotice && (state.IsClosed || state.DoNotContact))
        {
            var reason = state.IsClosed ? "CaseClosed" : "DoNotContact";
            return await FinishAsync(entry with { Status = OutboxStatus.Cancelled, Error = reason }, input.TimelineSeq, NoticeTimeline.Entry(now, TimelineType.NoticeSuppressed, entry, reason, null));
        }

        if (entry.Status == OutboxStatus.Sending && !_options.ResendInterruptedSends)
        {
            const string Uncertain = "delivery uncertain: a send was interrupted and the provider cannot deduplicate, so it is not re-sent";
            CollectionsTelemetry.RecordNoticeFailed(entry.Kind, "uncertain");
            LogUncertain(entry.CaseId, entry.Id);
            return await FinishAsync(entry with { Status = OutboxStatus.Uncertain, Error = Uncertain }, input.TimelineSeq, NoticeTimeline.Entry(now, TimelineType.NoticeFailed, entry, Uncertain, null));
        }

        if (entry.Status == OutboxStatus.Pending && OutboxRows.LateDemand(state, entry, now, policy) is { } late)
        {
            // A Demand whose own payment deadline passed before it could go (an outage) is superseded, not sent:
            // its letter would ask for payment by a past date (domain.md section 4 rule 7). The ladder goes on.
            LogLateDemand(entry.CaseId, entry.Id);
            return await FinishAsync(entry with { Status = OutboxStatus.Cancelled, Error = late }, input.TimelineSeq, NoticeTimeline.Entry(now, TimelineType.NoticeSuppressed, entry, late, null));
        }

        // Everything that can fail without sending happens before the claim, so a claimed row means a send was attempted.
        RenderedNotice rendered;
        try
        {
            // What the letter may say comes from this case's recorded timeline (domain.md section 4 rule 7).
            var timeline = await _store.GetTimelineAsync(input.CaseId, ct);
            rendered = _renderer.Render(NoticeTimeline.Request(state, timeline, entry, now, policy, _options.DashboardBaseUrl));
        }
        catch (ArgumentException ex)
        {
            CollectionsTelemetry.RecordNoticeFailed(entry.Kind, "render");
            LogPermanentFailure(entry.CaseId, entry.Kind, "render");
            return await FinishAsync(entry with { Status = OutboxStatus.Failed, Error = ex.Message }, input.TimelineSeq, NoticeTimeline.Entry(now, TimelineType.NoticeFailed, entry, ex.Message, null));
        }

        OutboxEntry claimed;
        try
        {
            claimed = await _store.UpdateOutboxAsync(entry with { Status = OutboxStatus.Sending, Attempts = entry.Attempts + 1 }, input.TimelineSeq, null, ct);
        }
        catch (CaseConcurrencyException)
        {
            return "Claimed"; // a duplicate run of this activity claimed it and records the outcome
        }

        var result = await _sender.SendAsync(EmailMessage.FromNotice(rendered, claimed.IdempotencyKey), ct);
        if (result.Succeeded)
        {
            CollectionsTelemetry.RecordNoticeSent(claimed.Kind);
            LogSent(claimed.CaseId, claimed.Kind);
            return await FinishAsync(
                claimed with { Status = OutboxStatus.Sent, SentAt = now, ProviderMessageId = result.ProviderMessageId, Error = null },
                input.TimelineSeq,
                NoticeTimeline.Entry(now, TimelineType.NoticeSent, claimed, null, NoticeTimeline.Details(rendered, result)));
        }

        var error = $"{result.ErrorCode}: {result.ErrorDetail}";
        if (result.Failure == SendFailureKind.Permanent)
        {
            CollectionsTelemetry.RecordNoticeFailed(claimed.Kind, "permanent");
            LogPermanentFailure(claimed.CaseId, claimed.Kind, result.ErrorCode ?? "");
            return await FinishAsync(
                claimed with { Status = OutboxStatus.Failed, Error = error, ProviderMessageId = result.ProviderMessageId },
                input.TimelineSeq,
                NoticeTimeline.Entry(now, TimelineType.NoticeFailed, claimed, error, NoticeTimeline.Details(rendered, result)));
        }

        // Transient: give the row back and let the orchestration's retry policy call again.
        CollectionsTelemetry.RecordNoticeFailed(claimed.Kind, "transient");
        await _store.UpdateOutboxAsync(claimed with { Status = OutboxStatus.Pending, Error = error }, input.TimelineSeq, null, ct);
        throw new NoticeDeliveryException(claimed.CaseId, claimed.Id, error);
    }

    private async Task<string> FinishAsync(OutboxEntry entry, long seq, TimelineEntry timeline)
    {
        await _store.UpdateOutboxAsync(entry, seq, timeline, CancellationToken.None);
        return entry.Status.ToString();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Sent {Kind} notice for case {CaseId}")]
    private partial void LogSent(string caseId, NoticeKind kind);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Kind} notice for case {CaseId} failed permanently ({ErrorCode})")]
    private partial void LogPermanentFailure(string caseId, NoticeKind kind, string errorCode);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Demand {OutboxId} of case {CaseId} was not sent: its payment deadline passed before it could go")]
    private partial void LogLateDemand(string caseId, string outboxId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Outbox row {OutboxId} of case {CaseId} was interrupted mid-send; marked uncertain")]
    private partial void LogUncertain(string caseId, string outboxId);
}
