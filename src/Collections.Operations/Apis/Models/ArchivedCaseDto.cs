namespace Collections.Operations.Apis.Models;

/// <summary>An archived case: where its line is, and the case as <c>GET /api/cases/{id}</c> showed it when it was live.</summary>
internal sealed record ArchivedCaseDto(ArchiveLocationDto Archive, CaseDetailDto Case);
