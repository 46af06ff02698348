using System.Diagnostics;
using System.Globalization;
using Collections.Benchmarks.Durable;
using Collections.Domain.Ledger;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Collections.Benchmarks;

/// <summary>
/// The cases on the local Durable runtime (Azure Storage backend on a fresh Azurite, gRPC sidecar, SDK worker and
/// client), in one run on one runtime and task hub:
/// (a) the floor: <c>floor</c> trivial orchestrations with one activity each, scheduled at once, until all completed;
/// (b) <c>cases</c> cases (grade B, one day overdue) driven through <c>steps</c> ladder steps by the product's case
///     orchestrator and activities (projection table, counting e-mail sender), on a clock where a dunning day lasts
///     <c>day-seconds</c> real seconds, until every case has sent <c>steps</c> notices; a step is one transition;
/// (c) <c>sleeping</c> cases whose first step is ten years away: time until all are scheduled, and until none is Pending.
/// Prints transitions/s, the floor's and the ratio (goal at least 0.5), and the sleeping cases' instances/s.
/// </summary>
internal static class DurableBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args, "cases", "steps", "floor", "sleeping", "day-seconds", "parallelism");
        var (cases, steps, floorCount) = (options.Int("cases", 200), options.Int("steps", 4), options.Int("floor", 200));
        var sleeping = options.Int("sleeping", 20_000);
        var daySeconds = options.Double("day-seconds", 1);
        var parallelism = options.Int("parallelism", 32);
        if (steps is < 1 or > 4)
        {
            throw new InvalidOperationException("steps must be 1 to 4 (Reminder, Demand, FinalNotice, Escalation)");
        }

        Console.WriteLine($"load average at start: {BenchArgs.LoadAverage()} ({Environment.ProcessorCount} cores)");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            // Noon on a fixed virtual day: the ladder's steps fall on the following midnights (UTC debtors).
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var clock = WarpedClock.DayLasts(DateTime.UtcNow, today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), daySeconds);
            var sender = new BenchCountingSender();
            var settings = new BenchHostSettings(azurite.ConnectionString, "BenchHub", "bench-worker", "BenchCases", clock);
            await using var host = await BenchDurableHost.StartAsync(settings, sender, new InMemoryEvidenceStore());
            var client = host.Client;

            // Warm-up (JIT, connections, partitions): a few floor orchestrations, then purge them.
            await ScheduleAsync(Enumerable.Range(0, 10), parallelism, i => client.ScheduleNewOrchestrationInstanceAsync(FloorTasks.Orchestrator, i, new StartOrchestrationOptions(FloorId("warm", i))));
            await UntilAsync(() => CountAsync(client, "warm-", OrchestrationRuntimeStatus.Completed), 10);

            // (a) the floor.
            var watch = Stopwatch.StartNew();
            await ScheduleAsync(Enumerable.Range(0, floorCount), parallelism, i => client.ScheduleNewOrchestrationInstanceAsync(FloorTasks.Orchestrator, i, new StartOrchestrationOptions(FloorId("floor", i))));
            await UntilAsync(() => CountAsync(client, "floor-", OrchestrationRuntimeStatus.Completed), floorCount);
            var floorSeconds = watch.Elapsed.TotalSeconds;
            var floorRate = floorCount / floorSeconds;
            Print($"floor:   {floorCount} trivial orchestrations (one activity each) in {floorSeconds:F1} s = {floorRate:F1} transitions/s");
            await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(null, null, [OrchestrationRuntimeStatus.Completed]));

            // (b) cases through the ladder.
            watch.Restart();
            var inputs = Enumerable.Range(0, cases).Select(i => BenchLadder.NewCase(host.Policies, BenchLadder.CustomerOf(i), today, -1, CreditGrade.B)).ToList();
            await ScheduleAsync(inputs, parallelism, input => client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId)));
            await UntilAsync(() => Task.FromResult(sender.CasesWithAtLeast(steps)), cases);
            var caseSeconds = watch.Elapsed.TotalSeconds;
            var caseRate = cases * steps / caseSeconds;
            var ladderSeconds = (steps - 1.5) * daySeconds;
            Print($"cases:   {cases} cases x {steps} ladder steps = {cases * steps} transitions in {caseSeconds:F1} s = {caseRate:F1} transitions/s (a day lasts {daySeconds} s: the last step is due {Math.Max(0, ladderSeconds):F1} s after the start)");
            Print($"ratio:   {caseRate / floorRate:F2} of the floor (goal >= 0.5)");

            // (c) sleeping cases.
            watch.Restart();
            var sleepers = Enumerable.Range(0, sleeping).Select(i => BenchLadder.NewCase(host.Policies, "S-" + i.ToString("D6", CultureInfo.InvariantCulture), today, 3650, CreditGrade.B));
            await ScheduleAsync(sleepers, parallelism, input => client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId)));
            var scheduled = watch.Elapsed.TotalSeconds;
            Print($"sleeping: {sleeping} cases scheduled in {scheduled:F1} s = {sleeping / scheduled:F0} instances/s (parallelism {parallelism})");
            await UntilAsync(async () => sleeping - await CountAsync(client, null, OrchestrationRuntimeStatus.Pending), sleeping, TimeSpan.FromSeconds(5));
            var running = watch.Elapsed.TotalSeconds;
            Print($"sleeping: all {sleeping} Running (none Pending) after {running:F1} s = {sleeping / running:F0} instances/s");
            Console.WriteLine($"load average at end: {BenchArgs.LoadAverage()}");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static string FloorId(string prefix, int i) => prefix + "-" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static Task ScheduleAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task<string>> schedule) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await schedule(item));

    private static async Task<int> CountAsync(DurableTaskClient client, string? prefix, OrchestrationRuntimeStatus status)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = [status], PageSize = 1000, FetchInputsAndOutputs = false };
        var n = 0;
        await foreach (var _ in client.GetAllInstancesAsync(query))
        {
            n++;
        }

        return n;
    }

    private static async Task UntilAsync(Func<Task<int>> progress, int target, TimeSpan? poll = null)
    {
        var last = -1;
        var since = Stopwatch.StartNew();
        while (await progress() is var done && done < target)
        {
            if (done != last)
            {
                (last, since) = (done, Stopwatch.StartNew());
            }
            else if (since.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"no progress for 10 minutes ({done} of {target})");
            }

            await Task.Delay(poll ?? Poll);
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
