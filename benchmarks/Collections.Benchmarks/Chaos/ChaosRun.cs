using System.Diagnostics;
using System.Globalization;
using Collections.Benchmarks.Durable;
using Collections.Pipeline.Clock;

namespace Collections.Benchmarks.Chaos;

/// <summary>
/// The crash run (verb <c>chaos</c>; <c>scripts/chaos.sh</c> starts Azurite and MailDev and calls it). Starts a worker
/// process (<see cref="ChaosWorker"/>) that schedules <c>cases</c> cases on a clock where a dunning day lasts
/// <c>day-seconds</c> real seconds and which stands still for <c>start-delay</c> seconds while they open (grade B:
/// Reminder when the clock starts, then Demand, final notice, escalation and legal hand-off within 2.5 days; grade D:
/// Demand when it starts, then 1.5 days), SIGKILLs it at <c>kills</c> moments drawn from <c>seed</c> over the ladder's first
/// <c>window</c> seconds (default 3 days) and restarts it at once, waits
/// until every case reached the end of its ladder with every notice it decided settled, then counts MailDev's e-mails per Message-ID
/// (<see cref="ChaosCheck"/>). Exit code 1 when a case is lost or an e-mail duplicated.
/// Needs AzureWebJobsStorage, and options smtp=PORT maildev=URL (MailDev's web API).
/// </summary>
internal static class ChaosRun
{
    public static async Task RunAsync(string[] args)
    {
        var options = new BenchArgs(args, "cases", "kills", "seed", "day-seconds", "window", "smtp", "maildev", "resend", "log", "deadline-minutes", "start-delay");
        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? throw new InvalidOperationException("AzureWebJobsStorage must hold the storage connection string");
        var maildev = new Uri(options.String("maildev") ?? throw new InvalidOperationException("maildev=http://127.0.0.1:PORT/ is required"));
        var (cases, kills, seed) = (options.Int("cases", 200), options.Int("kills", 20), options.Int("seed", 13));
        var daySeconds = options.Double("day-seconds", 40);
        var startDelay = TimeSpan.FromSeconds(options.Double("start-delay", 150));
        var logPath = options.String("log") ?? Path.Combine(Path.GetTempPath(), "chaos-worker.log");
        var deadline = TimeSpan.FromMinutes(options.Double("deadline-minutes", 20));

        // Virtual time stands still at noon of today until the first worker has had time to schedule the cases.
        var realStart = DateTime.UtcNow + startDelay;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var clock = AcceleratedTimeProvider.DayLasts(new DateTimeOffset(realStart), new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), daySeconds);
        var settings = new ChaosSettings(connection, options.Int("smtp", 0), clock, options.Int("resend", 0) == 1);

        Say($"load average at start: {BenchArgs.LoadAverage()} ({Environment.ProcessorCount} cores); worker log {logPath}");
        Say($"{cases} cases, a dunning day lasts {daySeconds} s, ResendInterruptedSends={settings.Resend}");
        await using var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var run = Stopwatch.StartNew();
        var check = new ChaosCheck(settings, cases);
        var worker = WorkerProcess.Start([.. settings.ToArgs(), "schedule=" + cases.ToString(CultureInfo.InvariantCulture)], log);
        await worker.Scheduled.WaitAsync(TimeSpan.FromMinutes(5));
        Say($"scheduled {cases} cases after {run.Elapsed.TotalSeconds:F1} s");

        // Every case opens (and sends its first notice) while virtual time stands still, so every timeline starts on
        // the same virtual instant and prescribes the same ladder; the kills fall on the ladder that follows.
        await check.UntilOpenedAsync(realStart);
        var opened = DateTime.UtcNow;
        if (opened < realStart)
        {
            Say($"all {cases} cases opened after {run.Elapsed.TotalSeconds:F1} s, {(realStart - opened).TotalSeconds:F1} s before the ladder's clock starts");
        }
        else
        {
            Say($"WARNING: the cases opened {(opened - realStart).TotalSeconds:F1} s after the ladder's clock started (raise start-delay): late openers may skip steps");
        }
        if (realStart > DateTime.UtcNow)
        {
            await Task.Delay(realStart - DateTime.UtcNow);
        }

        var window = options.Double("window", 3 * daySeconds);
        var random = new Random(seed);
        var moments = Enumerable.Range(0, kills).Select(_ => random.NextDouble() * window).Order().ToList();
        Say($"seed {seed}: {kills} kills at {string.Join(", ", moments.Select(m => m.ToString("F1", CultureInfo.InvariantCulture)))} s after the ladder's start");
        var kill = Stopwatch.StartNew();
        var restarts = 0;
        for (var i = 0; i < moments.Count; i++)
        {
            var wait = TimeSpan.FromSeconds(moments[i]) - kill.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var (pid, up, ready, exited) = (worker.Id, worker.Uptime, worker.IsReady, worker.HasExited);
            await worker.KillAsync();
            worker.Dispose();
            Say($"kill {i + 1,2} at {kill.Elapsed.TotalSeconds,6:F1} s: SIGKILL worker {pid} (up {up.TotalSeconds:F1} s, {(exited ? "had exited" : ready ? "running" : "starting")})");
            worker = WorkerProcess.Start(settings.ToArgs(), log);
            restarts++;
        }

        Say($"kills done; waiting for every case to reach its prescribed step (deadline {deadline.TotalMinutes} min)");
        var result = await check.WaitAsync(deadline);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var counts = await StableInboxAsync(http, maildev);
        await worker.KillAsync();
        worker.Dispose();

        var report = check.Compare(result, counts);
        Say($"elapsed {run.Elapsed.TotalSeconds:F0} s; load average at end: {BenchArgs.LoadAverage()}");
        Console.WriteLine(report.Summary(kills, restarts, seed));
        Environment.ExitCode = report.Lost > 0 || report.Duplicates > 0 ? 1 : 0;
    }

    /// <summary>MailDev stores asynchronously: reads until two reads a few seconds apart agree.</summary>
    private static async Task<Dictionary<string, int>> StableInboxAsync(HttpClient http, Uri maildev)
    {
        var last = await MailDevInbox.CountByMessageIdAsync(http, maildev);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var now = await MailDevInbox.CountByMessageIdAsync(http, maildev);
            if (now.Values.Sum() == last.Values.Sum())
            {
                return now;
            }

            last = now;
        }
    }

    private static void Say(FormattableString line) => Console.WriteLine("[chaos] " + line.ToString(CultureInfo.InvariantCulture));
}
