using Collections.Pipeline.Queues;
using Azure.Storage.Queues;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// Standalone stand-in for a queue trigger: pumps one queue (batch, visibility timeout, poison after the
/// configured deliveries), polling an empty queue with a back-off up to the maximum polling interval.
/// </summary>
internal sealed partial class QueueTriggerService : BackgroundService
{
    private readonly QueuePump _pump;
    private readonly HostSettings _settings;
    private readonly ILogger<QueueTriggerService> _logger;

    public QueueTriggerService(QueueServiceClient queues, string queueName, Func<string, long, CancellationToken, Task> handler, HostSettings settings, ILogger<QueueTriggerService> logger)
    {
        _pump = new QueuePump(queues.GetQueueClient(queueName), queues.GetQueueClient(queueName + "-poison"), handler, settings.Queues, logger);
        _settings = settings;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        while (!stoppingToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _pump.PumpOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPumpFailed(_pump.QueueName, ex.Message);
                received = 0;
            }

            if (received > 0)
            {
                idle = TimeSpan.FromMilliseconds(50);
                continue;
            }

            try
            {
                await Task.Delay(idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _settings.MaxPollingInterval.Ticks));
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Polling {Queue} failed: {Error}")]
    private partial void LogPumpFailed(string queue, string error);
}
