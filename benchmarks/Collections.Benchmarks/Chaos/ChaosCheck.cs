using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Collections.Benchmarks.Durable;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Email.Smtp;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;

namespace Collections.Benchmarks.Chaos;

/// <summary>
/// Reads where the chaos run's cases are: the task hub's <c>Instances</c> table (runtime and custom status, as an
/// Azure engineer would) and the case projection (stage and outbox rows), and compares the prescribed notices with
/// MailDev's e-mails by Message-ID (the SMTP sender's Message-ID is derived from the row's idempotency key).
/// </summary>
internal sealed class ChaosCheck(ChaosSettings settings, int cases)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly IReadOnlyList<(string CaseId, CreditGrade Grade)> _cases = Enumerable.Range(0, cases)
        .Select(i => (CaseIds.For(new AccountKey("default", BenchLadder.CustomerOf(i)), 1), BenchLadder.GradeOf(i))).ToList();

    private readonly TableClient _instances = new(settings.Connection, ChaosSettings.Hub + "Instances");
    private readonly TableCaseProjectionStore _projection = new(new TableClient(settings.Connection, ChaosSettings.Table));

    /// <summary>Polls until every case has a custom status (it opened and sent its first notice); bounded by <paramref name="limit"/> plus 5 minutes.</summary>
    public async Task UntilOpenedAsync(DateTime limit)
    {
        while ((await ReadInstancesAsync()).Values.Count(s => s.Stage is not null) < _cases.Count && DateTime.UtcNow < limit + TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Polls until every case is at its prescribed step with its prescribed notices settled, or the deadline passes.</summary>
    public async Task<IReadOnlyList<CaseSnapshot>> WaitAsync(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var lastSay = TimeSpan.FromMinutes(-1);
        while (true)
        {
            var instances = await ReadInstancesAsync();
            var escalated = instances.Values.Count(s => string.Equals(s.Stage, nameof(CaseStage.Escalated), StringComparison.Ordinal));
            var timedOut = clock.Elapsed > deadline;
            if (escalated == _cases.Count || timedOut)
            {
                var snapshots = await ReadCasesAsync(instances);
                if (snapshots.All(IsAtPrescribedStep) || timedOut)
                {
                    return snapshots;
                }
            }

            if (clock.Elapsed - lastSay > TimeSpan.FromSeconds(30))
            {
                lastSay = clock.Elapsed;
                var statuses = string.Join(", ", instances.Values.GroupBy(s => s.Runtime ?? "?", StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[chaos] {clock.Elapsed.TotalSeconds:F0} s: {escalated} of {_cases.Count} cases Escalated (instances: {statuses})"));
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Compares the notices each case's timeline decided (its outbox rows) with the e-mails MailDev holds.</summary>
    public ChaosReport Compare(IReadOnlyList<CaseSnapshot> snapshots, IReadOnlyDictionary<string, int> inbox)
    {
        var sender = new SmtpEmailSender(new SmtpEmailSenderOptions { Host = "127.0.0.1", Port = 25, SenderAddress = ChaosSettings.SenderAddress });
        string IdOf(OutboxEntry row) => sender.MessageIdFor(row.IdempotencyKey).Trim('<', '>');
        var report = new ChaosReport { Cases = snapshots.Count, Emails = inbox.Values.Sum() };
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            if (!IsAtPrescribedStep(snapshot))
            {
                report.Lost++;
                report.Notes.Add($"lost: case {snapshot.CaseId} grade {snapshot.Grade} at {snapshot.Stage ?? "(no projection)"}, instance {snapshot.RuntimeStatus ?? "(none)"}, outbox {Rows(snapshot)}");
            }

            if (BenchLadder.Prescribed(snapshot.Grade).Any(kind => snapshot.Outbox.All(r => r.Kind != kind)))
            {
                report.Skipped++;
            }

            foreach (var row in snapshot.Outbox)
            {
                known.Add(IdOf(row));
                report.Rows[row.Status] = report.Rows.GetValueOrDefault(row.Status) + 1;
                var received = inbox.GetValueOrDefault(IdOf(row));
                report.Decided++;
                report.Duplicates += Math.Max(0, received - 1);
                report.Missing += row.Status == OutboxStatus.Sent && received == 0 ? 1 : 0;
                report.UncertainDelivered += row.Status == OutboxStatus.Uncertain && received > 0 ? 1 : 0;
                report.UncertainNotDelivered += row.Status == OutboxStatus.Uncertain && received == 0 ? 1 : 0;
                if (received > 1 || (row.Status == OutboxStatus.Sent && received == 0))
                {
                    report.Notes.Add($"{(received > 1 ? "duplicate" : "missing")}: case {snapshot.CaseId} {row.Kind} received {received} times (row {row.Status}, {row.Attempts} attempts)");
                }

                if (row.Status == OutboxStatus.Failed && report.FailedErrors.Add(row.Error ?? ""))
                {
                    report.Notes.Add($"failed notice: case {snapshot.CaseId} {row.Kind}: {row.Error}");
                }
            }
        }

        report.Unexpected = inbox.Where(p => !known.Contains(p.Key)).Sum(p => p.Value);
        return report;
    }

    /// <summary>
    /// At the end of its ladder (escalated, with the escalation and legal hand-off notices decided) and every notice its
    /// timeline decided settled (Sent; Uncertain after an interrupted send; Failed or Cancelled as the activity decided).
    /// Intermediate steps may be skipped: a wake later than the next step takes the latest step (the ladder's catch-up).
    /// </summary>
    private static bool IsAtPrescribedStep(CaseSnapshot snapshot) =>
        string.Equals(snapshot.Stage, BenchLadder.FinalStage.ToString(), StringComparison.Ordinal)
        && snapshot.Outbox.Any(r => r.Kind == NoticeKind.Escalation) && snapshot.Outbox.Any(r => r.Kind == NoticeKind.LegalHandoff)
        && snapshot.Outbox.All(r => r.Status is not (OutboxStatus.Pending or OutboxStatus.Sending));

    private static string Rows(CaseSnapshot snapshot) => string.Join(' ', snapshot.Outbox.Select(r => $"{r.Kind}:{r.Status}"));

    private async Task<Dictionary<string, (string? Runtime, string? Stage)>> ReadInstancesAsync()
    {
        var result = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in _instances.QueryAsync<TableEntity>(select: ["PartitionKey", "RuntimeStatus", "CustomStatus"]))
            {
                var custom = row.GetString("CustomStatus");
                var stage = string.IsNullOrEmpty(custom) ? null : JsonSerializer.Deserialize<CaseCustomStatus>(custom, Web)?.Stage;
                result[row.PartitionKey] = (row.GetString("RuntimeStatus"), stage);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // The hub's tables are not there yet.
        }

        return result;
    }

    private async Task<IReadOnlyList<CaseSnapshot>> ReadCasesAsync(Dictionary<string, (string? Runtime, string? Stage)> instances)
    {
        var snapshots = new CaseSnapshot[_cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, _cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var (caseId, grade) = _cases[i];
            var state = await _projection.GetAsync(caseId, ct);
            var outbox = await _projection.GetOutboxAsync(caseId, ct);
            snapshots[i] = new CaseSnapshot(caseId, grade, state?.Stage.ToString(), instances.TryGetValue(caseId, out var s) ? s.Runtime : null, outbox);
        });
        return snapshots;
    }
}
