using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Notices.Evidence;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Builds the evidence pack for legal from the case and its timeline and writes it. Idempotent: the same
/// case, timeline and instant give the same pack under the same name.
/// </summary>
public sealed class WriteEvidenceActivity : TaskActivity<WriteEvidenceRequest, string>
{
    private readonly ICaseProjectionStore _store;
    private readonly IEvidenceStore _evidence;

    /// <summary>Creates the activity.</summary>
    public WriteEvidenceActivity(ICaseProjectionStore store, IEvidenceStore evidence)
    {
        _store = store;
        _evidence = evidence;
    }

    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, WriteEvidenceRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var state = JsonSerializer.Deserialize<CaseState>(input.State, CaseJson.Options)!;
        var timeline = await _store.GetTimelineAsync(input.CaseId, CancellationToken.None);
        var pack = EvidencePackBuilder.Build(EvidenceMapper.ToInput(state, timeline, input.At));
        return await _evidence.WriteAsync(input.CaseId, pack, CancellationToken.None);
    }
}
