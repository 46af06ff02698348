namespace Collections.Operations.Apis.Models;

/// <summary>
/// The case after an accepted action. <c>Changed</c> is false when the case already was what the action asks for
/// (the same promise again, pause while paused...): nothing was recorded and no notice goes out; <c>NoChange</c> says why.
/// </summary>
internal sealed record ActionResultDto(string Action, CaseSummaryDto Case, bool Changed = true, string? NoChange = null);
