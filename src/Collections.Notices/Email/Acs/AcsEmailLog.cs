using Microsoft.Extensions.Logging;

namespace Collections.Notices.Email.Acs;

/// <summary>Log lines of the ACS sender: operation ids, statuses and codes only, never addresses, names or amounts.</summary>
internal static partial class AcsEmailLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "ACS send {OperationId} attempt {Attempt}")]
    public static partial void Sending(ILogger logger, string operationId, int attempt);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "ACS send {OperationId} waits {Delay} for the self-throttle")]
    public static partial void SelfThrottled(ILogger logger, string operationId, TimeSpan delay);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "ACS send {OperationId} got {Status}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operationId, int status, TimeSpan delay);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "ACS send {OperationId} finished: {Result} {Failure} {ErrorCode}")]
    public static partial void Finished(ILogger logger, string operationId, SendStatus result, SendFailureKind failure, string? errorCode);
}
