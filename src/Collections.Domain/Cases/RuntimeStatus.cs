namespace Collections.Domain.Cases;

/// <summary>Runtime status of a case, in Durable Functions' vocabulary.</summary>
public enum RuntimeStatus
{
    /// <summary>Opened; no step has been taken yet.</summary>
    Pending,

    /// <summary>Walking the ladder.</summary>
    Running,

    /// <summary>Paused for any reason: operator pause, running promise, or everything overdue disputed.</summary>
    Suspended,

    /// <summary>Resolved (paid) or written off.</summary>
    Completed,

    /// <summary>Stopped by an operator.</summary>
    Terminated,

    /// <summary>Processing failed repeatedly; needs an operator's retry.</summary>
    Failed,
}
