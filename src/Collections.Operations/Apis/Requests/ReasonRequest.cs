namespace Collections.Operations.Apis.Requests;

/// <summary>An action with a reason (escalate now, reject, write off, terminate).</summary>
internal sealed record ReasonRequest(string? Reason);
