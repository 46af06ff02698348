using Microsoft.DurableTask;

namespace Collections.Functions.Cases;

/// <summary>
/// The activity context a hand-written <c>[ActivityTrigger]</c> wrapper gives a <see cref="TaskActivity{TInput,TOutput}"/>.
/// Hand-written because the Durable Task source generator that would emit it (Microsoft.DurableTask.Generators) is not
/// served; it carries the same two values the generated one does.
/// </summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
