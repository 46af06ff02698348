namespace Collections.Notices.Email;

/// <summary>A mailbox: address and optional display name.</summary>
public sealed record EmailAddress(string Address, string? DisplayName = null);
