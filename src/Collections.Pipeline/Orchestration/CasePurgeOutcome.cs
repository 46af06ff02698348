namespace Collections.Pipeline.Orchestration;

/// <summary>What <see cref="CaseInstances.PurgeCaseAsync"/> did.</summary>
public enum CasePurgeOutcome
{
    /// <summary>The instance's history and the case's projection rows are gone.</summary>
    Purged,

    /// <summary>Neither an instance nor a projection exists under the id.</summary>
    NotFound,

    /// <summary>The instance still runs: terminate it first.</summary>
    StillRunning,
}
