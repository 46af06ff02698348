using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Storage.Pipeline;

/// <summary>
/// Azure.Core's retry (408, 429, 500, 502, 503, 504, timeouts; exponential or fixed backoff) except for requests
/// marked non-retriable: conditional writes whose first attempt may have been applied, where a blind retry would
/// turn a success into a 409/412 or apply a stale write.
/// </summary>
internal sealed class StorageRetryPolicy : RetryPolicy
{
    private const string NonRetriableProperty = "Collections.Storage.NonRetriable";

    public StorageRetryPolicy(RetryOptions options)
        : base(
            options.MaxRetries,
            options.Mode == RetryMode.Exponential
                ? DelayStrategy.CreateExponentialDelayStrategy(options.Delay, options.MaxDelay)
                : DelayStrategy.CreateFixedDelayStrategy(options.Delay))
    {
    }

    public static void MarkNonRetriable(HttpMessage message) => message.SetProperty(NonRetriableProperty, true);

    public static bool IsNonRetriable(HttpMessage message) =>
        message.TryGetProperty(NonRetriableProperty, out var value) && value is true;

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsNonRetriable(message) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsNonRetriable(message) ? new ValueTask<bool>(false) : base.ShouldRetryAsync(message, exception);
}
