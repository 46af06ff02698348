using System.Diagnostics;
using Collections.Pipeline.Diagnostics;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Queues;

/// <summary>
/// Consumes a storage queue the way the Functions queue trigger does: a batch at a time, a message is
/// deleted when its handler succeeds, left to reappear after the visibility timeout when it fails, and
/// moved to <c>&lt;queue&gt;-poison</c> after <see cref="QueuePumpOptions.MaxDequeueCount"/> failed deliveries.
/// </summary>
public sealed partial class QueuePump
{
    // The queue service's "never expires" time-to-live.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly Func<string, long, CancellationToken, Task> _handler;
    private readonly QueuePumpOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a pump; <paramref name="handler"/> gets the message text and its dequeue count.</summary>
    public QueuePump(QueueClient queue, QueueClient poison, Func<string, long, CancellationToken, Task> handler, QueuePumpOptions options, ILogger logger)
    {
        _queue = queue;
        _poison = poison;
        _handler = handler;
        _options = options;
        _logger = logger;
    }

    /// <summary>The queue consumed.</summary>
    public string QueueName => _queue.Name;

    /// <summary>Receives one batch and handles it; returns how many messages were received.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken cancellationToken)
    {
        var messages = (await _queue.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, cancellationToken)).Value;
        foreach (var message in messages)
        {
            await HandleAsync(message, cancellationToken);
        }

        return messages.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        using var activity = CollectionsTelemetry.ActivitySource.StartActivity(_queue.Name + " process", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", _queue.Name);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.azure.dequeue_count", message.DequeueCount);
        try
        {
            await _handler(message.Body.ToString(), message.DequeueCount, cancellationToken);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            CollectionsTelemetry.RecordQueueMessage(_queue.Name, "handled");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            var poisoned = message.DequeueCount >= _options.MaxDequeueCount;
            CollectionsTelemetry.RecordQueueMessage(_queue.Name, poisoned ? "poisoned" : "failed");
            if (poisoned)
            {
                await _poison.SendMessageAsync(message.Body.ToString(), null, NeverExpires, cancellationToken);
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                LogPoisoned(_logger, _queue.Name, message.MessageId, message.DequeueCount, ex.GetType().Name);
            }
            else
            {
                LogFailed(_logger, _queue.Name, message.MessageId, message.DequeueCount, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Message {MessageId} on {Queue} failed (delivery {DequeueCount}): {Error}")]
    private static partial void LogFailed(ILogger logger, string queue, string messageId, long dequeueCount, string error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Message {MessageId} on {Queue} moved to the poison queue after {DequeueCount} deliveries ({Error})")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, long dequeueCount, string error);
}
