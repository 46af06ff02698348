using Collections.Notices.Email;

namespace Collections.Host.Tests.Apis;

/// <summary>Never used while the trigger loops are off; registered so no test can reach an SMTP server.</summary>
internal sealed class NullEmailSender : IEmailSender
{
    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No e-mail is sent in API tests.");
}
