using Collections.Domain.Cases.Events;
using Collections.Domain.Policy;
using Collections.Notices;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Collections.Pipeline.Simulation;
using Collections.Pipeline.Tests.Cases;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Collections.Domain.Ledger;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>Inputs for case orchestrations, and the production activities over in-memory stores on a virtual clock.</summary>
internal sealed class CaseTestKit
{
    public CaseTestKit(DateTimeOffset start, DunningPolicy? policy = null)
    {
        Policies = new PolicyCatalog(policy ?? DunningPolicy.Default);
        var options = new CaseOptions();
        SendNotice = new CapturingSendNotice(NewSendNotice(options));
        var activities = new Dictionary<string, ITaskActivity>(StringComparer.Ordinal)
        {
            [CaseTasks.SaveCase] = new SaveCaseActivity(Store, WriteOffs),
            [CaseTasks.SendNotice] = SendNotice,
            [CaseTasks.WriteEvidence] = new WriteEvidenceActivity(Store, Evidence),
        };
        Runtime = new VirtualDurableRuntime(new CaseOrchestrator(Policies), activities, start);
    }

    public PolicyCatalog Policies { get; }

    public InMemoryCaseProjectionStore Store { get; } = new();

    public InMemoryWriteOffRegister WriteOffs { get; } = new();

    public RecordingEmailSender Sender { get; } = new();

    public InMemoryEvidenceStore Evidence { get; } = new();

    public VirtualDurableRuntime Runtime { get; }

    /// <summary>The notice activity the runtime calls, with the last request it got.</summary>
    public CapturingSendNotice SendNotice { get; }

    /// <summary>A production notice activity over this kit's store and sender.</summary>
    public SendNoticeActivity NewSendNotice(CaseOptions options) =>
        new(Store, NoticeRenderer.Create(NoticeOptions()), Sender, Policies, options, NullLogger<SendNoticeActivity>.Instance);

    public static NoticeOptions NoticeOptions() => TestNotices.Options();

    public static SnapshotApplied Snapshot(CustomerAccount account, string asOf) =>
        new(EngineTestData.D(asOf), account.CustomerName, account.Contact, account.Items, $"ledger_{asOf}.csv", "sha-" + asOf) { Actor = "ledger" };

    public CaseInput NewCase(CustomerAccount account, string asOf) => new(CaseIds.For(account.Key, 1), Policies.CurrentVersion)
    {
        Entity = account.Key.Entity,
        CustomerId = account.Key.CustomerId,
        Opening = CaseSignal.From(Snapshot(account, asOf)),
    };

    /// <summary>Fires timers until <paramref name="until"/>.</summary>
    public void RunUntil(DateTimeOffset until)
    {
        while (Runtime.FireNextTimer(until))
        {
        }

        Runtime.AdvanceTo(until);
    }
}
