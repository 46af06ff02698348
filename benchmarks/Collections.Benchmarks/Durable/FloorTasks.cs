using Microsoft.DurableTask;

namespace Collections.Benchmarks.Durable;

/// <summary>The floor's trivial orchestration: one activity that returns its input, nothing else.</summary>
internal static class FloorTasks
{
    public const string Orchestrator = "BenchFloor";

    public const string Activity = "BenchFloorEcho";

    public static DurableTaskRegistry AddFloorTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<int, int>(Orchestrator, (context, input) => context.CallActivityAsync<int>(Activity, input));
        registry.AddActivityFunc<int, int>(Activity, (_, input) => input);
        return registry;
    }
}
