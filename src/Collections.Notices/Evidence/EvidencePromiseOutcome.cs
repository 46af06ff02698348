namespace Collections.Notices.Evidence;

/// <summary>What became of a promise to pay.</summary>
public enum EvidencePromiseOutcome
{
    /// <summary>Date (plus grace) not yet reached.</summary>
    Open,

    /// <summary>The overdue balance dropped by the promised amount in time.</summary>
    Kept,

    /// <summary>It did not.</summary>
    Broken,
}
