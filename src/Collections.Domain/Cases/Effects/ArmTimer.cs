namespace Collections.Domain.Cases.Effects;

/// <summary>Arm a durable timer that delivers TimerDue at At for the new state version.</summary>
public sealed record ArmTimer(DateTimeOffset At) : CaseEffect;
