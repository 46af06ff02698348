using Collections.Pipeline.Cases;
using Collections.Pipeline.Clock;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>Standalone stand-in for the sweeper's timer trigger: runs the sweep on its NCRONTAB schedule (on the app's clock).</summary>
internal sealed partial class SweeperTriggerService(CaseEngine engine, TimeProvider time, HostSettings settings, ILogger<SweeperTriggerService> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumRealInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var wait = settings.SweeperSchedule.Next(now) - now;
            // The accelerated clock's timers tick in real time (it does not override CreateTimer): wait the real equivalent.
            var real = time is AcceleratedTimeProvider fast ? fast.ToRealDelay(wait) : wait;
            try
            {
                await Task.Delay(real < MinimumRealInterval ? MinimumRealInterval : real, time, stoppingToken);
                await engine.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Sweep failed: {Error}")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
