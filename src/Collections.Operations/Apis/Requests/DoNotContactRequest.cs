namespace Collections.Operations.Apis.Requests;

/// <summary>Switch the do-not-contact flag on or off.</summary>
internal sealed record DoNotContactRequest(bool? On, string? Reason);
