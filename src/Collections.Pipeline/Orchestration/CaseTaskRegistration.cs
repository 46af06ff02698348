using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Registers the case orchestrator and its activities under their <see cref="CaseTasks"/> names, explicitly
/// (the SDK's source generator is not available). Activities are built through dependency injection; the SDK
/// builds orchestrators without it, so the orchestrator gets the policy catalog here.
/// </summary>
public static class CaseTaskRegistration
{
    /// <summary>Adds the case orchestrator and activities to a worker's registry.</summary>
    public static DurableTaskRegistry AddCaseTasks(this DurableTaskRegistry registry, PolicyCatalog policies)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator(CaseTasks.Orchestrator, () => new CaseOrchestrator(policies));
        return registry.AddCaseActivities();
    }

    /// <summary>Adds the case activities alone (a host that wraps the orchestrator registers it itself).</summary>
    public static DurableTaskRegistry AddCaseActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddActivity(CaseTasks.SaveCase, sp => ActivatorUtilities.CreateInstance<SaveCaseActivity>(sp));
        registry.AddActivity(CaseTasks.SendNotice, sp => ActivatorUtilities.CreateInstance<SendNoticeActivity>(sp));
        registry.AddActivity(CaseTasks.WriteEvidence, sp => ActivatorUtilities.CreateInstance<WriteEvidenceActivity>(sp));
        return registry;
    }
}
