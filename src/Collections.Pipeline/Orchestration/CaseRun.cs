using System.Globalization;
using System.Text.Json;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Microsoft.DurableTask;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// One generation of a case orchestration: the state, the notices waiting for their instant, and the
/// timeline rows not yet saved. Deterministic: time comes from the context, effects go through activities.
/// </summary>
internal sealed class CaseRun
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2)));

    private readonly TaskOrchestrationContext _context;
    private readonly CaseInput _input;
    private readonly DunningPolicy _policy;
    private readonly List<PendingNotice> _pending;
    private readonly List<TimelineEntry> _unsaved = [];
    private readonly List<PendingNotice> _unsavedOutbox = [];
    private CaseState? _state;
    private long _seq;

    public CaseRun(TaskOrchestrationContext context, CaseInput input, DunningPolicy policy)
    {
        _context = context;
        _input = input;
        _policy = policy;
        _pending = [.. input.Pending];
        _seq = input.TimelineSeq;
        _state = input.State is null ? null : JsonSerializer.Deserialize<CaseState>(input.State, CaseJson.Options);
    }

    public CaseState State => _state ?? throw new InvalidOperationException("The case is not open.");

    public string? LastRejection { get; private set; }

    /// <summary>The next instant to wake at: the domain's next action or the earliest waiting notice; none while failed.</summary>
    public DateTimeOffset? WakeAt
    {
        get
        {
            if (State.FailureReason is not null)
            {
                return null;
            }

            DateTimeOffset? at = State.Next?.At;
            foreach (var notice in _pending)
            {
                at = at is null || notice.At < at ? notice.At : at;
            }

            return at;
        }
    }

    public bool HasPending => _pending.Count > 0 && _state?.FailureReason is null;

    public bool CanContinueAsNew => _unsaved.Count == 0 && _state?.FailureReason is null;

    private DateTimeOffset Now => new(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <summary>Opens a new case from its opening snapshot; a carried-over generation is open already.</summary>
    public async Task<bool> OpenAsync()
    {
        if (_state is not null)
        {
            await SendDueAsync();
            return true;
        }

        var opening = _input.Opening?.ToEvent() as SnapshotApplied;
        if (opening is null || _input.Entity is null || _input.CustomerId is null)
        {
            LastRejection = "a new case needs its account and opening snapshot";
            return false;
        }

        var transition = CaseMachine.Apply(CaseState.New(_input.CaseId, new AccountKey(_input.Entity, _input.CustomerId), Now), opening, Now, _policy);
        if (!transition.Accepted)
        {
            LastRejection = transition.Rejection;
            return false;
        }

        await CommitAsync(transition);
        return true;
    }

    /// <summary>The timer fired: apply it when the next action is due (timers may fire a little early), then send due notices.</summary>
    public async Task WakeAsync()
    {
        if (State.Next is { } next && next.At <= Now)
        {
            var transition = CaseMachine.Apply(State, new TimerDue { Actor = "system" }, Now, _policy);
            if (transition.Accepted)
            {
                await CommitAsync(transition);
                return;
            }
        }

        await SendDueAsync();
    }

    /// <summary>A signal arrived: apply it through the domain; a rejected one changes nothing and is reported in the custom status.</summary>
    public async Task SignalAsync(CaseSignal signal)
    {
        var evt = signal.ToEvent();
        var transition = evt is null ? null : CaseMachine.Apply(State, evt, Now, _policy);
        if (transition is not { Accepted: true })
        {
            LastRejection = $"{signal.Type}: {transition?.Rejection ?? "unknown signal"}";
            return;
        }

        if (transition.NoChange is { } unchanged)
        {
            // The same action again (CaseNoOps): acknowledged, nothing saved, no notice; the status says why.
            LastRejection = $"{signal.Type}: {unchanged}";
            return;
        }

        LastRejection = null;
        await CommitAsync(transition);
    }

    public void PublishStatus()
    {
        var s = State;
        var zone = s.Contact is { } c && TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZoneId, out var tz) ? tz : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var light = AccountBalance.Compute(s.Items, today < s.AsOf ? s.AsOf : today, s.DisputedInvoiceIds).Light;
        _context.SetCustomStatus(new CaseCustomStatus(s.Stage.ToString(), light.ToLabel(), s.Status.ToString(), s.Version)
        {
            NextAction = s.Next?.Kind.ToString(),
            NextAt = s.Next?.At,
            LastRejection = LastRejection,
        });
    }

    public CaseInput NextGeneration(string policyVersion) => new(_input.CaseId, policyVersion)
    {
        State = JsonSerializer.Serialize(State, CaseJson.Options),
        Pending = [.. _pending],
        TimelineSeq = _seq,
        Generation = _input.Generation + 1,
    };

    public CaseOutcome Outcome() => new(State.CaseId, State.Status.ToString(), State.Stage.ToString(), State.CloseReason);

    private async Task CommitAsync(CaseTransition transition)
    {
        Record(transition);
        if (await SaveAsync())
        {
            await SendDueAsync();
        }
    }

    private void Record(CaseTransition transition)
    {
        _state = transition.State;
        _unsaved.AddRange(transition.Timeline);
        var n = 0;
        foreach (var send in transition.Effects.OfType<SendNotice>())
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"o|{_state.Version:D12}|{n++:D2}");
            var notice = new PendingNotice(id, send.Kind, send.At) { Context = ContextFor(send.Kind, transition) };
            _unsavedOutbox.Add(notice);
            _pending.Add(notice);
        }
    }

    private async Task<bool> SaveAsync()
    {
        try
        {
            await _context.CallActivityAsync<bool>(CaseTasks.SaveCase, SaveRequest(), Retry);
        }
        catch (TaskFailedException ex)
        {
            await FailAsync($"saving the case failed: {ex.FailureDetails?.ErrorMessage ?? ex.Message}");
            return false;
        }

        MarkSaved();
        return true;
    }

    /// <summary>Sends the waiting notices whose instant has come, oldest first; a failure fails the case and keeps the rest waiting.</summary>
    private async Task SendDueAsync()
    {
        while (State.FailureReason is null && _pending.Where(p => p.At <= Now).OrderBy(p => p.At).FirstOrDefault() is { } notice)
        {
            try
            {
                if (notice.Kind == NoticeKind.LegalHandoff)
                {
                    await _context.CallActivityAsync<string>(CaseTasks.WriteEvidence, new WriteEvidenceRequest(State.CaseId, JsonSerializer.Serialize(State, CaseJson.Options), Now), Retry);
                }

                await _context.CallActivityAsync<string>(CaseTasks.SendNotice, new SendNoticeRequest(State.CaseId, _input.PolicyVersion, JsonSerializer.Serialize(State, CaseJson.Options), notice, Now, _seq), Retry);
            }
            catch (TaskFailedException ex) when (State.IsClosed)
            {
                // A closed case cannot fail any more: the notice is given up and the reason shown in the custom status.
                LastRejection = $"{notice.Kind} notice could not be sent: {ex.FailureDetails?.ErrorMessage ?? ex.Message}";
                _pending.Remove(notice);
                continue;
            }
            catch (TaskFailedException ex)
            {
                await FailAsync($"{notice.Kind} notice could not be sent: {ex.FailureDetails?.ErrorMessage ?? ex.Message}");
                return;
            }

            _seq++;
            _pending.Remove(notice);
        }
    }

    /// <summary>The state, the unsaved timeline rows and outbox rows, and the notices still waiting to be sent.</summary>
    private SaveCaseRequest SaveRequest() =>
        new(State.CaseId, JsonSerializer.Serialize(State, CaseJson.Options), _seq, JsonSerializer.Serialize(_unsaved, CaseJson.Options), [.. _unsavedOutbox])
        {
            Waiting = [.. _pending.Select(p => p.OutboxId)],
        };

    private void MarkSaved()
    {
        _seq += _unsaved.Count;
        _unsaved.Clear();
        _unsavedOutbox.Clear();
    }

    private async Task FailAsync(string error)
    {
        var transition = CaseMachine.Apply(State, new ProcessingFailed(error) { Actor = "system" }, Now, _policy);
        Record(transition);
        try
        {
            await _context.CallActivityAsync<bool>(CaseTasks.SaveCase, SaveRequest(), Retry);
            MarkSaved();
        }
        catch (TaskFailedException)
        {
            // The store is down too: the rows stay unsaved and go with the next save (after an operator's retry).
        }
    }

    private static Dictionary<string, string>? ContextFor(NoticeKind kind, CaseTransition transition)
    {
        if (kind != NoticeKind.DisputeAcknowledgement || transition.Timeline.LastOrDefault(e => e.Type == TimelineType.Disputed) is not { } disputed)
        {
            return null;
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { ["invoiceIds"] = disputed.Data?["invoiceIds"] ?? "", ["reason"] = disputed.Reason ?? "" };
    }
}
