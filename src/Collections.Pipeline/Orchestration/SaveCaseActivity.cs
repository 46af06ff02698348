using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Diagnostics;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Writes a transition's results: the case projection, its timeline rows and its outbox rows. Idempotent
/// (rows keyed by sequence number and outbox id, the projection never goes back a version), so a re-run
/// after a crash changes nothing.
/// </summary>
public sealed class SaveCaseActivity : TaskActivity<SaveCaseRequest, bool>
{
    private readonly ICaseProjectionStore _store;

    /// <summary>Creates the activity.</summary>
    public SaveCaseActivity(ICaseProjectionStore store) => _store = store;

    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, SaveCaseRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var state = JsonSerializer.Deserialize<CaseState>(input.State, CaseJson.Options)!;
        var timeline = JsonSerializer.Deserialize<List<TimelineEntry>>(input.Timeline, CaseJson.Options) ?? [];
        var outbox = input.Outbox.Select(n => new OutboxEntry(input.CaseId, n.OutboxId, n.Kind, n.At, state.Version) { Context = n.Context }).ToList();
        await _store.SaveAsync(state, input.FirstSeq, timeline, outbox, CancellationToken.None);
        CollectionsTelemetry.RecordTransition(state.Stage, state.Status);
        return true;
    }
}
