using System.Text.Json;

namespace Collections.Pipeline.Cases;

/// <summary>
/// The queue-triggered entry points of the engine, shared by the Functions endpoints and the standalone
/// pumps: parse the message, run it, and on the last allowed delivery mark the case Failed before the
/// message goes to the poison queue.
/// </summary>
public sealed class CaseMessageHandler
{
    private readonly CaseEngine _engine;
    private readonly OutboxDispatcher _dispatcher;
    private readonly EngineOptions _options;

    /// <summary>Creates the handler.</summary>
    public CaseMessageHandler(CaseEngine engine, OutboxDispatcher dispatcher, EngineOptions options)
    {
        _engine = engine;
        _dispatcher = dispatcher;
        _options = options;
    }

    /// <summary>Handles a <c>dunning-timers</c> message.</summary>
    public async Task HandleTimerAsync(string text, long dequeueCount, CancellationToken cancellationToken)
    {
        var timer = Parse<TimerMessage>(text);
        try
        {
            await _engine.HandleTimerAsync(timer, cancellationToken);
        }
        catch (Exception ex) when (dequeueCount >= _options.MaxDequeueCount && ex is not OperationCanceledException)
        {
            await _engine.MarkFailedAsync(timer.CaseId, $"timer processing failed {dequeueCount} times: {ex.Message}", cancellationToken);
            throw;
        }
    }

    /// <summary>Handles a <c>notices-outbox</c> message.</summary>
    public Task HandleOutboxAsync(string text, long dequeueCount, CancellationToken cancellationToken) =>
        _dispatcher.HandleAsync(Parse<OutboxMessage>(text), (int)dequeueCount, cancellationToken);

    private static T Parse<T>(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, CaseJson.Options) ?? throw new FormatException($"Empty {typeof(T).Name}.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
