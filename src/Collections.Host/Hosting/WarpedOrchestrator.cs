using Collections.Pipeline.Clock;
using Microsoft.DurableTask;

namespace Collections.Host.Hosting;

/// <summary>Runs an orchestrator (the product's case orchestrator) on a <see cref="WarpedOrchestrationContext"/>.</summary>
internal sealed class WarpedOrchestrator(ITaskOrchestrator inner, AcceleratedTimeProvider clock) : ITaskOrchestrator
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        inner.RunAsync(new WarpedOrchestrationContext(context, clock), input);
}
