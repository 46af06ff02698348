using Collections.Pipeline.Orchestration;

namespace Collections.Pipeline.Simulation;

/// <summary>One orchestration instance of the virtual runtime: its current generation, signals, timer and outcome.</summary>
internal sealed class VirtualInstance(string id, CaseInput input, long createdOrder)
{
    public string Id { get; } = id;

    public long CreatedOrder { get; } = createdOrder;

    public CaseInput Input { get; set; } = input;

    public Queue<CaseSignal> Buffered { get; } = new();

    public TaskCompletionSource<CaseSignal>? Waiter { get; set; }

    public List<VirtualTimer> Timers { get; } = [];

    public Task<CaseOutcome?>? Run { get; set; }

    public CaseInput? ContinuedWith { get; set; }

    public object? CustomStatus { get; set; }

    public bool Completed { get; set; }

    public CaseOutcome? Output { get; set; }

    public string? Failure { get; set; }

    public int Generations { get; set; }
}
