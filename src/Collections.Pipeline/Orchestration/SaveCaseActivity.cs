using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Diagnostics;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Projections;
using Collections.Pipeline.WriteOffs;
using Microsoft.DurableTask;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Writes a transition's results: the case projection, its timeline rows and its outbox rows, and, for a case
/// written off, its items into the write-off register. Idempotent (rows keyed by sequence number, outbox id and
/// case + item; the projection never goes back a version), so a re-run after a crash changes nothing.
/// </summary>
/// <remarks>
/// The write-off is recorded here rather than by an activity of its own: the orchestration's history stays as it
/// was (no new task to schedule), so running instances replay unchanged, and the register is written before the
/// projection says WrittenOff, so whoever sees the case closed finds its items registered.
/// </remarks>
public sealed class SaveCaseActivity : TaskActivity<SaveCaseRequest, bool>
{
    private readonly ICaseProjectionStore _store;
    private readonly IWriteOffRegister _writeOffs;

    /// <summary>Creates the activity.</summary>
    public SaveCaseActivity(ICaseProjectionStore store, IWriteOffRegister writeOffs)
    {
        _store = store;
        _writeOffs = writeOffs;
    }

    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, SaveCaseRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var state = JsonSerializer.Deserialize<CaseState>(input.State, CaseJson.Options)!;
        var timeline = JsonSerializer.Deserialize<List<TimelineEntry>>(input.Timeline, CaseJson.Options) ?? [];
        if (WrittenOffItem.From(state) is { Count: > 0 } writtenOff)
        {
            await _writeOffs.RecordAsync(writtenOff, CancellationToken.None);
        }

        var outbox = input.Outbox.Select(n => new OutboxEntry(input.CaseId, n.OutboxId, n.Kind, n.At, state.Version) { Context = n.Context }).ToList();
        await _store.SaveAsync(state, input.FirstSeq, timeline, outbox, CancellationToken.None);
        if (input.Waiting is { } waiting && outbox.Count > 0)
        {
            // Checked when a transition decides notices (not on every save): enough to settle a discarded run's rows.
            foreach (var orphan in OutboxRows.Orphans(await _store.GetOutboxAsync(input.CaseId, CancellationToken.None), state, waiting).ToList())
            {
                try
                {
                    await _store.UpdateOutboxAsync(orphan with { Status = OutboxStatus.Cancelled, Error = OutboxRows.Superseded }, input.FirstSeq, null, CancellationToken.None);
                }
                catch (CaseConcurrencyException)
                {
                    // Claimed meanwhile: a recorded notice after all, settled by its own send.
                }
            }
        }

        CollectionsTelemetry.RecordTransition(state.Stage, state.Status);
        return true;
    }
}
