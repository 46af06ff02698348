using System.Diagnostics;
using System.Globalization;
using Collections.Benchmarks.Durable;
using Collections.Domain.Ledger;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Collections.Pipeline.Clock;

namespace Collections.Benchmarks;

/// <summary>
/// The cases on the local Durable runtime (Azure Storage backend on a fresh Azurite, gRPC sidecar, SDK worker and
/// client), in one run on one runtime and task hub:
/// (a) the floor: <c>floor</c> trivial orchestrations with one activity each, scheduled at once, until all completed;
/// (b) <c>cases</c> cases (grade B, one day overdue) driven through <c>steps</c> ladder steps by the product's case
///     orchestrator and activities (projection table, counting e-mail sender). They open (Reminder) while a virtual
///     clock stands still (<c>open-delay</c> s); then a dunning day lasts <c>day-seconds</c> real seconds and each
///     later step falls due for every case at one instant: the figure is those transitions over the time from each
///     step's instant until every case had sent its notice (the timer polling delay included);
/// (c) <c>sleeping</c> cases whose first step is ten years away (<see cref="SleepingPhase"/>): time until all are
///     scheduled, until none is Pending and until every first turn is done, the curve, and the emulator's CPU vs ours.
/// Prints transitions/s, the floor's and the ratio (goal at least 0.5), and the sleeping cases' instances/s.
/// <c>floor=0</c>/<c>cases=0</c> skip (a) and (b); <c>connection=</c> uses a storage account of one's own instead of a
/// fresh Azurite; <c>emulator=patched</c> preloads the diagnostic <c>Durable/azurite-index-patch.js</c>; <c>partitions=</c>
/// and <c>polling=</c> set the runtime's partition count and longest queue polling interval (seconds).
/// </summary>
internal static class DurableBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args, "cases", "steps", "floor", "sleeping", "day-seconds", "parallelism", "open-delay", "connection", "partitions", "polling", "emulator");
        var (cases, steps, floorCount) = (options.Int("cases", 200), options.Int("steps", 4), options.Int("floor", 200));
        var sleeping = options.Int("sleeping", 20_000);
        var daySeconds = options.Double("day-seconds", 30);
        var parallelism = options.Int("parallelism", 32);
        if (steps is < 2 or > 4)
        {
            throw new InvalidOperationException("steps must be 2 to 4 (Reminder at the opening, then Demand, FinalNotice, Escalation)");
        }

        Console.WriteLine($"load average at start: {BenchArgs.LoadAverage()} ({Environment.ProcessorCount} cores)");
        // connection=...: a storage account of your own (an Azurite started by hand, e.g. on disk or under a profiler);
        // by default a fresh in-memory Azurite.
        var azurite = options.String("connection") is null ? new AzuriteFixture() : null;
        if (azurite is not null)
        {
            await StartAzuriteAsync(azurite, options.String("emulator") ?? "stock");
        }

        try
        {
            // Virtual time stands still at noon of today while the cases are scheduled and open (each sends its
            // Reminder then), then a dunning day lasts day-seconds: Demand, final notice and escalation fall on the
            // following virtual midnights, each due for every case at the same instant.
            var openDelay = TimeSpan.FromSeconds(options.Double("open-delay", 30 + 0.4 * cases));
            var sender = new BenchCountingSender(cases);
            var ladderStart = sender.Now + openDelay;
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var clock = AcceleratedTimeProvider.DayLasts(DateTimeOffset.UtcNow + openDelay, new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), daySeconds);
            var saves = new FirstSaveRecorder(SleepingPhase.CustomerPrefix);
            var runtime = new Dictionary<string, string>(StringComparer.Ordinal);
            if (options.String("partitions") is { } partitions)
            {
                runtime["Durable:PartitionCount"] = partitions;
            }

            if (options.String("polling") is { } polling)
            {
                runtime["Durable:MaxQueuePollingInterval"] = TimeSpan.FromSeconds(double.Parse(polling, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture);
            }

            var settings = new BenchHostSettings(options.String("connection") ?? azurite!.ConnectionString, "BenchHub", "bench-worker", "BenchCases", clock)
            {
                FirstSaves = saves,
                Runtime = runtime,
            };
            await using var host = await BenchDurableHost.StartAsync(settings, sender, new InMemoryEvidenceStore());
            var client = host.Client;

            // Warm-up (JIT, connections, partitions): a few floor orchestrations, then purge them.
            await ScheduleAsync(Enumerable.Range(0, 10), parallelism, i => client.ScheduleNewOrchestrationInstanceAsync(FloorTasks.Orchestrator, i, new StartOrchestrationOptions(FloorId("warm", i))));
            await UntilAsync(() => CountAsync(client, "warm-", OrchestrationRuntimeStatus.Completed), 10);
            await RunLadderAsync(client, host, sender, (floorCount, cases, steps, parallelism), ladderStart, daySeconds, today);
            if (sleeping > 0)
            {
                await new SleepingPhase(client, host.Policies, saves, sleeping, parallelism).RunAsync();
            }

            Console.WriteLine($"load average at end: {BenchArgs.LoadAverage()}");
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Starts the emulator: <c>stock</c>, or <c>patched</c> with <c>Durable/azurite-index-patch.js</c> preloaded (a diagnostic:
    /// it removes LokiJS's re-sort of every index on each queue request, see the file), through NODE_OPTIONS, which the
    /// Azurite process inherits.
    /// </summary>
    private static async Task StartAzuriteAsync(AzuriteFixture azurite, string emulator)
    {
        if (emulator is not ("stock" or "patched"))
        {
            throw new InvalidOperationException("emulator must be stock or patched");
        }

        var patch = Path.Combine(AzuriteFixture.FindRepositoryRoot(), "benchmarks", "Collections.Benchmarks", "Durable", "azurite-index-patch.js");
        var before = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        Environment.SetEnvironmentVariable("NODE_OPTIONS", string.Equals(emulator, "patched", StringComparison.Ordinal) ? $"{before} --require \"{patch}\"".Trim() : before);
        try
        {
            await azurite.InitializeAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NODE_OPTIONS", before);
        }

        Console.WriteLine($"emulator: Azurite ({emulator}), in memory");
    }

    /// <summary>The floor and the cases through the ladder (skipped when <c>floor=0</c> or <c>cases=0</c>).</summary>
    private static async Task RunLadderAsync(DurableTaskClient client, BenchDurableHost host, BenchCountingSender sender, (int Floor, int Cases, int Steps, int Parallelism) size, TimeSpan ladderStart, double daySeconds, DateOnly today)
    {
        var (floorCount, cases, steps, parallelism) = size;
        if (floorCount == 0 || cases == 0)
        {
            Print($"floor and cases: skipped (floor={floorCount}, cases={cases})");
            return;
        }

        // (a) the floor.
        var watch = Stopwatch.StartNew();
        await ScheduleAsync(Enumerable.Range(0, floorCount), parallelism, i => client.ScheduleNewOrchestrationInstanceAsync(FloorTasks.Orchestrator, i, new StartOrchestrationOptions(FloorId("floor", i))));
        await UntilAsync(() => CountAsync(client, "floor-", OrchestrationRuntimeStatus.Completed), floorCount);
        var floorSeconds = watch.Elapsed.TotalSeconds;
        var floorRate = floorCount / floorSeconds;
        Print($"floor:   {floorCount} trivial orchestrations (one activity each) in {floorSeconds:F1} s = {floorRate:F1} transitions/s");
        // A time range is required: the sidecar's purge by filter throws on an open one.
        await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow, [OrchestrationRuntimeStatus.Completed]));

        // (b) cases through the ladder: opened while the clock stands still, then K-1 steps on timers.
        watch.Restart();
        var inputs = Enumerable.Range(0, cases).Select(i => BenchLadder.NewCase(host.Policies, BenchLadder.CustomerOf(i), today, -1, CreditGrade.B)).ToList();
        await ScheduleAsync(inputs, parallelism, input => client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId)));
        Print($"opening: {cases} cases scheduled in {watch.Elapsed.TotalSeconds:F1} s; they open on the standing clock and their Reminders fall due when it starts");
        await UntilAsync(() => Task.FromResult(sender.AllReached(steps) is null ? 0 : cases), cases);
        Print($"step 1: {cases} Reminders due at the clock's start, all sent {(sender.AllReached(1)!.Value - ladderStart).TotalSeconds:F1} s later (not in the figure: the opening's work is still running then when open-delay is short)");
        var busy = 0.0;
        for (var step = 2; step <= steps; step++)
        {
            var due = ladderStart + TimeSpan.FromSeconds((step - 1.5) * daySeconds);
            var took = (sender.AllReached(step)!.Value - due).TotalSeconds;
            busy += took;
            Print($"step {step}: {cases} transitions due at one instant, all done {took:F1} s later{(took > daySeconds ? " (longer than a day: later steps overlapped)" : "")}");
        }

        var caseRate = cases * (steps - 1) / busy;
        Print($"cases:   {cases} cases x {steps - 1} timer-driven ladder steps = {cases * (steps - 1)} transitions in {busy:F1} s = {caseRate:F1} transitions/s (a dunning day lasts {daySeconds} s)");
        Print($"ratio:   {caseRate / floorRate:F2} of the floor (goal >= 0.5)");
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
