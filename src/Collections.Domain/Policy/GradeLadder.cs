using Collections.Domain.Ledger;

namespace Collections.Domain.Policy;

/// <summary>The ladder of one credit grade, steps in ascending order.</summary>
public sealed record GradeLadder(CreditGrade Grade, IReadOnlyList<LadderStep> Steps, bool EscalationRequiresApproval);
