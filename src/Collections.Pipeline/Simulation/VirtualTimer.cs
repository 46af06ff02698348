namespace Collections.Pipeline.Simulation;

/// <summary>A pending durable timer of the virtual runtime; <see cref="Order"/> breaks ties between equal instants.</summary>
internal sealed record VirtualTimer(DateTimeOffset At, long Order, TaskCompletionSource Source);
