using Collections.Domain.Aging;
using Collections.Domain.Cases.Effects;
using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>Accumulates one transition: the evolving state and the effects to emit.</summary>
internal sealed class CaseBuilder
{
    private readonly List<CaseEffect> _effects = [];
    private SendClock? _clock;
    private (string, string?) _clockKey;

    public CaseBuilder(CaseState state, DateTimeOffset now, DunningPolicy policy, string? actor)
    {
        S = state;
        Now = now;
        Policy = policy;
        Actor = actor;
    }

    public CaseState S { get; set; }

    public DateTimeOffset Now { get; }

    public DunningPolicy Policy { get; }

    public string? Actor { get; }

    public IReadOnlyList<CaseEffect> Effects => _effects;

    /// <summary>The debtor's send clock; rebuilt only when the contact's zone or country changes (a snapshot may change them).</summary>
    public SendClock Clock
    {
        get
        {
            var key = (S.Contact!.TimeZoneId, S.Contact.Country);
            if (_clock is null || _clockKey != key)
            {
                _clock = SendClock.For(Policy, key.TimeZoneId, key.Country);
                _clockKey = key;
            }

            return _clock;
        }
    }

    /// <summary>The date balances are judged on: the debtor's local today, never before the snapshot's as-of date.</summary>
    public DateOnly Today
    {
        get
        {
            var local = Clock.LocalDate(Now);
            return local > S.AsOf ? local : S.AsOf;
        }
    }

    public AccountBalance Balance() => AccountBalance.Compute(S.Items, Today, S.DisputedInvoiceIds);

    public AccountBalance BalanceIgnoringCaseDisputes() => AccountBalance.Compute(S.Items, Today);

    /// <summary>Everything overdue is disputed on the case (and would be overdue without the case's disputes): collection waits.</summary>
    public void RefreshDisputeHold() =>
        S = S with { DisputeHold = !S.DisputedInvoiceIds.IsEmpty && !Balance().HasOverdue && BalanceIgnoringCaseDisputes().HasOverdue };

    public void Emit(CaseEffect effect) => _effects.Add(effect);

    public void Timeline(
        TimelineType type,
        CaseStage? stage = null,
        NoticeKind? notice = null,
        string? reason = null,
        IReadOnlyDictionary<string, string>? data = null,
        string? actor = null) =>
        _effects.Add(new AppendTimeline(new TimelineEntry(Now, type, stage, notice, reason, actor ?? Actor, data)));

    /// <summary>
    /// Sends a debtor notice that is not a ladder step (receipt, acknowledgement, confirmation) at the
    /// first compliant instant; records the deferral when that is later than now, or the suppression
    /// under do-not-contact.
    /// </summary>
    public void SendCourtesyNotice(NoticeKind kind)
    {
        if (S.DoNotContact)
        {
            Timeline(TimelineType.NoticeSuppressed, notice: kind, reason: DeferralReasons.DoNotContact);
            return;
        }

        var clock = Clock;
        var at = clock.NextSendInstant(Now);
        if (at > Now)
        {
            Timeline(TimelineType.NoticeDeferred, notice: kind, reason: clock.WhyNotSendable(Now),
                data: new Dictionary<string, string>(StringComparer.Ordinal) { ["until"] = Iso(at) });
        }

        Emit(new SendNotice(kind, at));
    }

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
