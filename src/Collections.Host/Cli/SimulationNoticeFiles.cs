using System.Globalization;
using Collections.Domain.Cases;
using Collections.Notices.Email;
using Collections.Pipeline.Simulation;
using MimeKit;

namespace Collections.Host.Cli;

/// <summary>
/// <c>simulate --notices DIR</c>: every notice the simulation sent as an RFC 5322 <c>.eml</c> file (MimeKit),
/// multipart/alternative with the text and HTML bodies, dated at its simulated sending instant, so it opens in any
/// mail client. Files are named <c>&lt;entity&gt;_&lt;customer&gt;_&lt;nn&gt;_&lt;kind&gt;.eml</c> in sending order per case.
/// </summary>
internal static class SimulationNoticeFiles
{
    public static async Task<int> WriteAsync(SimulationResult result, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var written = 0;
        foreach (var c in result.Cases)
        {
            var n = 0;
            foreach (var entry in c.Timeline.Where(e => e.Type == TimelineType.NoticeSent))
            {
                if (result.MessageOf(c.State.CaseId, entry.Data) is not { } message)
                {
                    continue;
                }

                n++;
                var name = string.Create(CultureInfo.InvariantCulture, $"{Safe(c.State.Account.Entity)}_{Safe(c.State.Account.CustomerId)}_{n:00}_{entry.Notice}.eml");
                using var mime = ToMime(message, entry.At);
                await mime.WriteToAsync(Path.Combine(directory, name), cancellationToken);
                written++;
            }
        }

        return written;
    }

    internal static MimeMessage ToMime(EmailMessage message, DateTimeOffset sentAt)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = sentAt,
            MessageId = message.OperationId.ToString("D", CultureInfo.InvariantCulture) + "@simulation.invalid",
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };

        // The simulation has no sender configuration: the creditor's own address (Reply-To) stands in as From.
        mime.From.AddRange(message.ReplyTo.Select(Address));
        mime.ReplyTo.AddRange(message.ReplyTo.Select(Address));
        mime.To.AddRange(message.To.Select(Address));
        mime.Cc.AddRange(message.Cc.Select(Address));
        return mime;
    }

    private static MailboxAddress Address(EmailAddress a) => new(a.DisplayName ?? string.Empty, a.Address);

    private static string Safe(string value) =>
        string.Concat(value.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' ? ch : '_'));
}
