using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Cases;

/// <summary>
/// The case orchestration and its activities as Durable Functions: one-line wrappers over the Durable Task SDK classes
/// the local Durable runtime registers too, under the same names.
/// </summary>
/// <remarks>
/// PLACEHOLDER (lead, after merging the durable branch): replace <see cref="PlaceholderOrchestrator"/> and
/// <see cref="PlaceholderActivity"/> below with the real classes, one wrapper each, named by the constants of
/// <c>CaseTasks</c>:
/// <code>
/// [Function(CaseTasks.Orchestrator)]
/// public static Task&lt;CaseOutcome?&gt; CaseOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =&gt;
///     ActivatorUtilities.CreateInstance&lt;CaseOrchestrator&gt;(function.InstanceServices).RunAsync(context, context.GetInput&lt;CaseInput&gt;()!);
///
/// [Function(CaseTasks.SendNotice)]
/// public static Task&lt;string&gt; SendNotice([ActivityTrigger] SendNoticeRequest input, string instanceId, FunctionContext function) =&gt;
///     RunActivity&lt;SendNoticeActivity, SendNoticeRequest, string&gt;(CaseTasks.SendNotice, input, instanceId, function);
/// </code>
/// and likewise SaveCase and WriteEvidencePack; then put the names into the metadata test's expected list
/// (<c>FunctionsMetadataTests.DurableFunctions</c>).
/// </remarks>
internal static class CaseFunctions
{
    /// <summary>Placeholder orchestration name (to be replaced by <c>CaseTasks.Orchestrator</c>).</summary>
    public const string PlaceholderOrchestratorName = "PlaceholderCaseOrchestrator";

    /// <summary>Placeholder activity name (to be replaced by <c>CaseTasks.SendNotice</c> and the others).</summary>
    public const string PlaceholderActivityName = "PlaceholderCaseActivity";

    [Function(PlaceholderOrchestratorName)]
    public static Task<string> RunPlaceholderOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        ActivatorUtilities.CreateInstance<PlaceholderOrchestrator>(function.InstanceServices).RunAsync(context, context.GetInput<string>() ?? string.Empty);

    [Function(PlaceholderActivityName)]
    public static Task<string> RunPlaceholderActivity([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        RunActivity<PlaceholderActivity, string, string>(PlaceholderActivityName, input, instanceId, function);

    /// <summary>Runs an SDK activity class built through dependency injection, as the generated wrappers do.</summary>
    private static Task<TOutput> RunActivity<TActivity, TInput, TOutput>(string name, TInput input, string instanceId, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput> =>
        ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices).RunAsync(new FunctionActivityContext(name, instanceId), input);

    /// <summary>PLACEHOLDER: stands for the case orchestrator until the durable branch is merged.</summary>
    private sealed class PlaceholderOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallActivityAsync<string>(PlaceholderActivityName, input);
    }

    /// <summary>PLACEHOLDER: stands for the case activities until the durable branch is merged.</summary>
    private sealed class PlaceholderActivity : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
    }
}
