using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Collections.Domain.Cases;
using Collections.Domain.Policy;
using Collections.Notices.Evidence;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Projections;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Archive;

/// <summary>
/// Purge by archiving (domain.md section 7): closed cases (completed, written off, terminated) that closed before
/// the policy's retention period leave the live tables only after their state, timeline, outbox and evidence
/// names were written to an archive blob and read back. Nothing is deleted outright: the live rows go through
/// the remover the caller passes (the Durable host purges the orchestration instance there too), and evidence
/// blobs stay where they are.
/// </summary>
/// <remarks>
/// A re-run after a crash never writes a case twice: each case's index row is claimed before its blob is written
/// and committed after the read-back; a committed case is only removed, and a claimed one whose blob holds its
/// line is committed and removed.
/// </remarks>
public sealed partial class CaseArchiver
{
    private static readonly IReadOnlySet<RuntimeStatus> Closed = new HashSet<RuntimeStatus> { RuntimeStatus.Completed, RuntimeStatus.Terminated };
    private readonly ICaseProjectionStore _live;
    private readonly BlobCaseArchive _archive;
    private readonly BlobContainerClient? _evidence;
    private readonly DunningPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ArchiveOptions _options;
    private readonly ILogger<CaseArchiver> _logger;

    /// <summary>Creates the archiver; <paramref name="evidence"/> is the evidence container whose blob names each line records.</summary>
    public CaseArchiver(ICaseProjectionStore live, BlobCaseArchive archive, BlobContainerClient? evidence, DunningPolicy policy, TimeProvider time, ArchiveOptions options, ILogger<CaseArchiver> logger)
    {
        _live = live;
        _archive = archive;
        _evidence = evidence;
        _policy = policy;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>The latest close instant the retention allows to archive now: now minus the policy's retention.</summary>
    public DateTimeOffset RetentionCutoff => _policy.Retention.Before(_time.GetUtcNow());

    /// <summary>
    /// The cutoff for "closed more than <paramref name="olderThanDays"/> days ago" (null: the retention's own), or a
    /// problem when that would archive cases younger than the retention.
    /// </summary>
    public bool TryCutoff(int? olderThanDays, out DateTimeOffset cutoff, out string? problem)
    {
        var now = _time.GetUtcNow();
        var limit = _policy.Retention.Before(now);
        cutoff = olderThanDays is { } days ? now.AddDays(-days) : limit;
        if (cutoff <= limit)
        {
            problem = null;
            return true;
        }

        var minimum = (int)Math.Ceiling((now - limit).TotalDays);
        problem = string.Create(CultureInfo.InvariantCulture, $"must be at least {minimum} days: closed cases stay live for the policy's retention ({_policy.Retention})");
        return false;
    }

    /// <summary>
    /// Archives every closed case that closed before <paramref name="closedBefore"/> (default: now minus the
    /// retention), then removes its live rows through <paramref name="removeLive"/> (default: the projection's
    /// own <see cref="ICaseProjectionStore.DeleteAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="closedBefore"/> is later than the retention allows.</exception>
    public async Task<ArchiveRunResult> ArchiveAsync(DateTimeOffset? closedBefore, Func<string, CancellationToken, Task>? removeLive, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var limit = _policy.Retention.Before(now);
        var cutoff = closedBefore ?? limit;
        if (cutoff > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(closedBefore), cutoff, $"Closed cases stay live for the policy's retention ({_policy.Retention}): the cutoff must be at or before {limit:O}.");
        }

        var remove = removeLive ?? _live.DeleteAsync;
        var runId = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        await foreach (var state in _live.ListAsync(new CaseListFilter { Statuses = Closed, ClosedBefore = cutoff }, cancellationToken))
        {
            if (state.IsClosed && state.ClosedAt < cutoff)
            {
                ids.Add(state.CaseId);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        var run = new Run(runId, now);
        var batch = 0;
        foreach (var chunk in ids.Chunk(_options.MaxCasesPerBlob))
        {
            var blob = string.Create(CultureInfo.InvariantCulture, $"cases/{now.UtcDateTime:yyyy}/{now.UtcDateTime:MM}/{runId}-{batch++:D4}.jsonl");
            var ready = await ArchiveBatchAsync(chunk, blob, run, cancellationToken);
            foreach (var id in ready)
            {
                await remove(id, cancellationToken);
                run.Removed++;
            }
        }

        LogRun(runId, cutoff, ids.Count, run.Archived, run.AlreadyArchived, run.Removed);
        return new ArchiveRunResult(runId, cutoff, ids.Count, run.Archived, run.AlreadyArchived, run.Removed, run.Blobs);
    }

    // Returns the cases whose archive line is verified, so their live rows may go.
    private async Task<List<string>> ArchiveBatchAsync(IReadOnlyList<string> ids, string blob, Run run, CancellationToken cancellationToken)
    {
        var ready = new List<string>();
        var claims = new List<ArchiveIndexEntity>();
        var lines = new List<string>();
        foreach (var id in ids)
        {
            var row = await _archive.Index.GetAsync(id, cancellationToken);
            if (row is { Committed: true } || (row is not null && await FinishInterruptedAsync(row, cancellationToken)))
            {
                ready.Add(id);
                run.AlreadyArchived++;
                continue;
            }

            if (await _live.GetAsync(id, cancellationToken) is not { } state)
            {
                continue; // removed meanwhile
            }

            var timeline = await _live.GetTimelineAsync(id, cancellationToken);
            var outbox = (await _live.GetOutboxAsync(id, cancellationToken)).Select(o => o with { ETag = null }).ToList();
            var line = ArchiveBlobs.Serialize(new ArchivedCase(run.Id, run.At, state, timeline, outbox, await EvidenceAsync(state, cancellationToken)));
            if (await _archive.Index.ClaimAsync(Claim(state, blob, lines.Count, line, run), row?.ETag, cancellationToken) is { } claim)
            {
                claims.Add(claim);
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            return ready;
        }

        var sha = await _archive.Blobs.CreateAsync(blob, lines, run.Id, cancellationToken);
        await _archive.Blobs.VerifyAsync(blob, lines.Count, sha, cancellationToken);
        run.Blobs.Add(blob);
        foreach (var claim in claims)
        {
            if (await _archive.Index.CommitAsync(claim, cancellationToken))
            {
                LogArchived(claim.PartitionKey, blob, claim.Line);
                ready.Add(claim.PartitionKey);
                run.Archived++;
            }
        }

        return ready;
    }

    // A claim left by an interrupted run: if its blob was written and holds the line, the case is archived.
    private async Task<bool> FinishInterruptedAsync(ArchiveIndexEntity row, CancellationToken cancellationToken)
    {
        var lines = await _archive.Blobs.ReadLinesAsync(row.Blob, cancellationToken);
        return lines is not null
            && row.Line < lines.Count
            && string.Equals(ArchiveBlobs.Sha256(lines[row.Line]), row.LineSha256, StringComparison.Ordinal)
            && await _archive.Index.CommitAsync(row, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> EvidenceAsync(CaseState state, CancellationToken cancellationToken)
    {
        if (_evidence is null)
        {
            return [];
        }

        var names = new List<string>();
        var prefix = EvidencePackBuilder.CasePrefix(state.Account.Entity, state.Account.CustomerId, state.CaseId);
        await foreach (var blob in _evidence.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(_evidence.Name + "/" + blob.Name);
        }

        return names;
    }

    private static ArchiveIndexEntity Claim(CaseState state, string blob, int line, string json, Run run) => new()
    {
        PartitionKey = state.CaseId,
        Entity = state.Account.Entity,
        CustomerId = state.Account.CustomerId,
        Stage = state.Stage.ToString(),
        Status = state.Status.ToString(),
        CloseReason = state.CloseReason,
        CreatedAt = state.CreatedAt,
        ClosedAt = state.ClosedAt ?? state.LastUpdatedAt,
        Blob = blob,
        Line = line,
        LineSha256 = ArchiveBlobs.Sha256(json),
        RunId = run.Id,
        ArchivedAt = run.At,
    };

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Archive run {RunId} (closed before {Cutoff:O}): {Eligible} eligible, {Archived} archived, {AlreadyArchived} already archived, {Removed} removed from the live tables")]
    private partial void LogRun(string runId, DateTimeOffset cutoff, int eligible, int archived, int alreadyArchived, int removed);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Debug, Message = "Case {CaseId} archived to {Blob} line {Line}")]
    private partial void LogArchived(string caseId, string blob, int line);

    private sealed class Run(string id, DateTimeOffset at)
    {
        public string Id { get; } = id;

        public DateTimeOffset At { get; } = at;

        public List<string> Blobs { get; } = [];

        public int Archived { get; set; }

        public int AlreadyArchived { get; set; }

        public int Removed { get; set; }
    }
}
