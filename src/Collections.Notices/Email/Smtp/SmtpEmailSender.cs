using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Notices.Email.Smtp;

/// <summary>
/// Sends e-mail over SMTP with System.Net.Mail: multipart/alternative (text, then HTML), UTF-8 headers
/// and bodies, and a Message-ID derived from the idempotency key so a resend is recognisable as the same
/// message. SMTP has no server-side deduplication: a crash between the server's acceptance and the
/// outbox update can still send twice, which the ACS sender avoids.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpEmailSenderOptions _options;
    private readonly ILogger _logger;
    private readonly string _messageIdDomain;

    /// <summary>Creates a sender; validates the options.</summary>
    public SmtpEmailSender(SmtpEmailSenderOptions options, ILogger<SmtpEmailSender>? logger = null)
    {
        options.Validate();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _messageIdDomain = string.IsNullOrWhiteSpace(options.MessageIdDomain)
            ? options.SenderAddress[(options.SenderAddress.LastIndexOf('@') + 1)..]
            : options.MessageIdDomain;
    }

    /// <summary>The Message-ID for an idempotency key: <c>&lt;guid@domain&gt;</c>.</summary>
    public string MessageIdFor(string idempotencyKey) =>
        string.Create(CultureInfo.InvariantCulture, $"<{IdempotencyKeys.ToGuid(idempotencyKey):N}@{_messageIdDomain}>");

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var messageId = MessageIdFor(message.IdempotencyKey);
        try
        {
            using var mail = Build(message, messageId);
            using var client = new SmtpClient(_options.Host, _options.Port)
            {
                EnableSsl = _options.UseStartTls,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = (int)_options.Timeout.TotalMilliseconds,
            };
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                client.UseDefaultCredentials = false;
                client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
            }

            await client.SendMailAsync(mail, cancellationToken);
            SmtpEmailLog.Sent(_logger, messageId);
            return SendResult.Sent(messageId);
        }
        catch (SmtpFailedRecipientsException ex)
        {
            // Several recipients failed: permanent only if every one of them was refused for good.
            var permanent = ex.InnerExceptions.Length > 0 && ex.InnerExceptions.All(e => IsPermanent(e.StatusCode));
            return Fail(messageId, ex.StatusCode, permanent, ex.Message);
        }
        catch (SmtpException ex)
        {
            return Fail(messageId, ex.StatusCode, IsPermanent(ex.StatusCode), ex.Message);
        }
        catch (FormatException ex)
        {
            return Fail(messageId, SmtpStatusCode.SyntaxError, permanent: true, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Fail(messageId, SmtpStatusCode.GeneralFailure, permanent: false, ex.Message);
        }
    }

    // 5xx replies are permanent (RFC 5321); 4xx and connection failures (GeneralFailure = -1) are transient.
    private static bool IsPermanent(SmtpStatusCode code) => (int)code >= 500;

    private SendResult Fail(string messageId, SmtpStatusCode code, bool permanent, string detail)
    {
        var kind = permanent ? SendFailureKind.Permanent : SendFailureKind.Transient;
        SmtpEmailLog.Failed(_logger, messageId, code, kind);
        var errorCode = "SMTP " + ((int)code).ToString(CultureInfo.InvariantCulture);
        return permanent ? SendResult.Permanent(messageId, errorCode, detail) : SendResult.Transient(messageId, errorCode, detail);
    }

    private MailMessage Build(EmailMessage message, string messageId)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(_options.SenderAddress, _options.SenderDisplayName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        try
        {
            foreach (var a in message.To)
            {
                mail.To.Add(new MailAddress(a.Address, a.DisplayName, Encoding.UTF8));
            }

            foreach (var a in message.Cc)
            {
                mail.CC.Add(new MailAddress(a.Address, a.DisplayName, Encoding.UTF8));
            }

            foreach (var a in message.ReplyTo)
            {
                mail.ReplyToList.Add(new MailAddress(a.Address, a.DisplayName, Encoding.UTF8));
            }

            mail.Headers.Add("Message-ID", messageId);
            mail.AlternateViews.Add(View(message.Text, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(View(message.Html, MediaTypeNames.Text.Html));
            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }
}
