using System.Diagnostics;
using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.Benchmarks.Durable;

/// <summary>
/// The durable verb's sleeping phase: <c>n</c> cases whose first step is ten years away (the size of a large ledger),
/// scheduled with <c>parallelism</c> calls in flight. Each case's first turn is its opening episode, the <c>SaveCase</c>
/// activity writing its projection, and the episode that sets its custom status and starts its timer. Prints the time
/// until all are scheduled, until none is Pending, until every projection row is written and until every instance has
/// its custom status, then the curve at 2k/5k/10k/20k (growth shows here) and where the CPU went (emulator vs host).
/// </summary>
internal sealed class SleepingPhase(DurableTaskClient client, PolicyCatalog policies, FirstSaveRecorder saves, int n, int parallelism)
{
    public const string CustomerPrefix = "S-";

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Report = TimeSpan.FromSeconds(60);

    private readonly TimeSpan[] _scheduledAt = new TimeSpan[n];
    private readonly Stopwatch _watch = new();
    private DateTimeOffset _since;
    private int _scheduled;

    public async Task RunAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _since = DateTimeOffset.UtcNow.AddSeconds(-1); // the queries count the instances created since (the ladder's are older)
        var (cpu, azurite) = (CpuClock.Start(), ChildCpu.Seconds());
        _watch.Start();
        saves.Begin(_watch);
        using var stop = new CancellationTokenSource();
        var progress = ProgressAsync(cpu, azurite, stop.Token);
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var input = BenchLadder.NewCase(policies, CustomerPrefix + i.ToString("D6", CultureInfo.InvariantCulture), today, 3650, CreditGrade.B);
            await client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId));
            _scheduledAt[Interlocked.Increment(ref _scheduled) - 1] = _watch.Elapsed;
        });
        var scheduled = _watch.Elapsed.TotalSeconds;
        Print($"sleeping: {n} cases scheduled in {scheduled:F1} s = {n / scheduled:F0} instances/s (parallelism {parallelism})");

        while (await CountAsync(OrchestrationRuntimeStatus.Pending, withStatus: false) > 0)
        {
            await Task.Delay(Poll);
        }

        var running = _watch.Elapsed.TotalSeconds;
        Print($"sleeping: none Pending after {running:F1} s = {n / running:F0} instances/s (each has run its opening episode)");
        while (saves.Count < n)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var saved = saves.At(n)!.Value.TotalSeconds;
        Print($"sleeping: all {n} projection rows written after {saved:F1} s = {n / saved:F0} instances/s");
        while (await CountAsync(OrchestrationRuntimeStatus.Running, withStatus: true) < n)
        {
            await Task.Delay(Poll);
        }

        var done = _watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await progress;
        Print($"sleeping: all {n} first turns done (custom status set, waiting on the timer) after {done:F1} s = {n / done:F0} instances/s (within {Poll.TotalSeconds:F0} s)");
        var azuriteNow = ChildCpu.Seconds();
        Print($"sleeping: CPU in the phase: emulator {Cpu(azurite, azuriteNow)}, this process (client, sidecar, worker, activities) {cpu.Seconds:F0} s, of {done:F0} s wall on {Environment.ProcessorCount} cores");
        PrintCurve();
    }

    private void PrintCurve()
    {
        Console.WriteLine("sleeping: the curve (seconds since the phase started; rate = instances/s within the segment)");
        Console.WriteLine("  cases    scheduled  rate    projection written  rate");
        var (lastK, lastScheduled, lastSaved) = (0, 0.0, 0.0);
        foreach (var k in new[] { 2_000, 5_000, 10_000, 20_000, 50_000, 100_000 }.Where(k => k < n).Append(n))
        {
            var at = _scheduledAt[k - 1].TotalSeconds;
            var savedAt = saves.At(k)!.Value.TotalSeconds;
            Print($"  {k,6}   {at,8:F1}  {(k - lastK) / (at - lastScheduled),5:F0}    {savedAt,8:F1}            {(k - lastK) / (savedAt - lastSaved),5:F0}");
            (lastK, lastScheduled, lastSaved) = (k, at, savedAt);
        }
    }

    private async Task ProgressAsync(CpuClock cpu, double? azurite, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Report, stop);
                Print($"  ... {_watch.Elapsed.TotalSeconds:F0} s: {Volatile.Read(ref _scheduled)} scheduled, {saves.Count} projection rows written; CPU so far: emulator {Cpu(azurite, ChildCpu.Seconds())}, host {cpu.Seconds:F0} s; load average {BenchArgs.LoadAverage()}");
            }
        }
        catch (OperationCanceledException)
        {
            // the phase is over
        }
    }

    private async Task<int> CountAsync(OrchestrationRuntimeStatus status, bool withStatus)
    {
        var query = new OrchestrationQuery { CreatedFrom = _since, Statuses = [status], PageSize = 1000, FetchInputsAndOutputs = false };
        var count = 0;
        await foreach (var instance in client.GetAllInstancesAsync(query))
        {
            count += !withStatus || instance.SerializedCustomStatus is not null ? 1 : 0;
        }

        return count;
    }

    private static string Cpu(double? before, double? after) => before is { } b && after is { } a ? (a - b).ToString("F0", CultureInfo.InvariantCulture) + " s" : "n/a";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
