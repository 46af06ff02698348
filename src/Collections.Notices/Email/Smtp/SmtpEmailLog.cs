using System.Net.Mail;
using Microsoft.Extensions.Logging;

namespace Collections.Notices.Email.Smtp;

/// <summary>Log lines of the SMTP sender: Message-ID and status codes only.</summary>
internal static partial class SmtpEmailLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "SMTP send {MessageId} accepted")]
    public static partial void Sent(ILogger logger, string messageId);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "SMTP send {MessageId} failed with {StatusCode} ({Failure})")]
    public static partial void Failed(ILogger logger, string messageId, SmtpStatusCode statusCode, SendFailureKind failure);
}
