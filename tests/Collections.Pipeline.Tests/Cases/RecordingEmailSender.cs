using Collections.Notices.Email;

namespace Collections.Pipeline.Tests.Cases;

/// <summary>Records every e-mail; can fail transiently, or "crash" after the provider accepted a message.</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private readonly Lock _gate = new();
    private readonly List<EmailMessage> _sent = [];

    public IReadOnlyList<EmailMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>While true, every send fails transiently.</summary>
    public bool FailTransiently { get; set; }

    /// <summary>Sends left that record the message and then throw, as if the process died before recording it.</summary>
    public int CrashAfterAccepting { get; set; }

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (FailTransiently)
        {
            return Task.FromResult(SendResult.Transient(null, "HTTP 503", "service unavailable"));
        }

        lock (_gate)
        {
            _sent.Add(message);
            if (CrashAfterAccepting > 0)
            {
                CrashAfterAccepting--;
                throw new InvalidOperationException("simulated crash after the provider accepted the message");
            }

            return Task.FromResult(SendResult.Sent("msg-" + _sent.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
