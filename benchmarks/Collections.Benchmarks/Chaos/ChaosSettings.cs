using System.Globalization;
using Collections.Benchmarks.Durable;
using Collections.Pipeline.Clock;

namespace Collections.Benchmarks.Chaos;

/// <summary>
/// What the chaos run and its worker share: storage, SMTP port, task hub, projection table, and the virtual clock
/// (fixed for the whole run, so a restarted worker replays the same instants).
/// </summary>
internal sealed record ChaosSettings(string Connection, int SmtpPort, AcceleratedTimeProvider Clock, bool Resend)
{
    public const string Hub = "ChaosHub";

    public const string Table = "ChaosCases";

    public const string WorkerId = "chaos-worker";

    public const string SenderAddress = "collections@chaos.example";

    public BenchHostSettings Host => new(Connection, Hub, WorkerId, Table, Clock) { ResendInterruptedSends = Resend };

    /// <summary>The worker's command-line options for these settings.</summary>
    public IEnumerable<string> ToArgs() =>
    [
        "connection=" + Connection,
        "smtp=" + SmtpPort.ToString(CultureInfo.InvariantCulture),
        "real-start=" + Clock.RealStart.UtcTicks.ToString(CultureInfo.InvariantCulture),
        "virtual-start=" + Clock.VirtualStart.UtcTicks.ToString(CultureInfo.InvariantCulture),
        "speed=" + Clock.Speed.ToString("R", CultureInfo.InvariantCulture),
        "resend=" + (Resend ? "1" : "0"),
    ];

    public static readonly string[] Names = ["connection", "smtp", "real-start", "virtual-start", "speed", "resend"];

    public static ChaosSettings From(BenchArgs args) => new(
        args.String("connection") ?? throw new InvalidOperationException("connection= is required"),
        args.Int("smtp", 0),
        new AcceleratedTimeProvider(new DateTimeOffset(args.Long("real-start", 0), TimeSpan.Zero), new DateTimeOffset(args.Long("virtual-start", 0), TimeSpan.Zero), args.Double("speed", 1)),
        args.Int("resend", 0) == 1);
}
