using Collections.Pipeline.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Cases;

/// <summary>
/// The case orchestration and its activities as Durable Functions: one-line wrappers over the Durable Task SDK classes
/// the local Durable runtime registers (<see cref="CaseTaskRegistration.AddCaseTasks"/>), under the same
/// <see cref="CaseTasks"/> names, so an instance started by either host finds its code in the other. Written by hand
/// because the SDK's source generator (Microsoft.DurableTask.Generators), which would emit exactly these, is not served.
/// </summary>
internal static class CaseFunctions
{
    /// <summary>The orchestrator, built as the local registration builds it: over the host's policy catalog.</summary>
    [Function(CaseTasks.Orchestrator)]
    public static Task<CaseOutcome?> RunCase([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        new CaseOrchestrator(function.InstanceServices.GetRequiredService<PolicyCatalog>()).RunAsync(context, context.GetInput<CaseInput>()!);

    [Function(CaseTasks.SaveCase)]
    public static Task<bool> SaveCase([ActivityTrigger] SaveCaseRequest input, string instanceId, FunctionContext function) =>
        RunActivity<SaveCaseActivity, SaveCaseRequest, bool>(CaseTasks.SaveCase, input, instanceId, function);

    [Function(CaseTasks.SendNotice)]
    public static Task<string> SendNotice([ActivityTrigger] SendNoticeRequest input, string instanceId, FunctionContext function) =>
        RunActivity<SendNoticeActivity, SendNoticeRequest, string>(CaseTasks.SendNotice, input, instanceId, function);

    [Function(CaseTasks.WriteEvidence)]
    public static Task<string> WriteEvidencePack([ActivityTrigger] WriteEvidenceRequest input, string instanceId, FunctionContext function) =>
        RunActivity<WriteEvidenceActivity, WriteEvidenceRequest, string>(CaseTasks.WriteEvidence, input, instanceId, function);

    /// <summary>Runs an SDK activity class built through dependency injection, as the generated wrappers (and the local registry) do.</summary>
    private static Task<TOutput> RunActivity<TActivity, TInput, TOutput>(string name, TInput input, string instanceId, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput> =>
        ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices).RunAsync(new FunctionActivityContext(name, instanceId), input);
}
