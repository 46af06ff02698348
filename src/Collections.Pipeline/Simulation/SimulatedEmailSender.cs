using System.Globalization;
using Collections.Notices.Email;

namespace Collections.Pipeline.Simulation;

/// <summary>Accepts every e-mail without sending it (the simulation's provider).</summary>
public sealed class SimulatedEmailSender : IEmailSender
{
    private int _count;

    /// <inheritdoc />
    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(SendResult.Sent("sim-" + Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture)));
}
