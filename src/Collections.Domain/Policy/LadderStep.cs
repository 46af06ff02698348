using Collections.Domain.Cases;

namespace Collections.Domain.Policy;

/// <summary>A rung of a ladder: the stage reached <see cref="DaysAfterAnchor"/> days after the anchor due date.</summary>
public sealed record LadderStep(CaseStage Stage, int DaysAfterAnchor);
