using Microsoft.DurableTask;

namespace Collections.Pipeline.Simulation;

/// <summary>The activity context the virtual runtime passes to activities.</summary>
internal sealed class VirtualActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
