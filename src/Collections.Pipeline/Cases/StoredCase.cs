using Collections.Domain.Cases;

namespace Collections.Pipeline.Cases;

/// <summary>A case as stored, with the ETag its next transition is conditioned on.</summary>
public sealed record StoredCase(CaseState State, string ETag);
