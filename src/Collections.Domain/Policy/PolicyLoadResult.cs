namespace Collections.Domain.Policy;

/// <summary>The outcome of loading a policy: the policy, or every problem found (never both).</summary>
public sealed record PolicyLoadResult(DunningPolicy? Policy, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the policy is valid.</summary>
    public bool IsValid => Policy is not null;
}
