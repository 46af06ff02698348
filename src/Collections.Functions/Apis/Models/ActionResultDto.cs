namespace Collections.Functions.Apis.Models;

/// <summary>The case after an accepted action.</summary>
internal sealed record ActionResultDto(string Action, CaseSummaryDto Case);
