namespace Collections.Domain.Cases.Effects;

/// <summary>Something the engine must do as the result of a transition. Effects are data.</summary>
public abstract record CaseEffect;
