using System.Text.Json;

namespace Collections.Notices.Email.Acs;

/// <summary>The JSON body of <c>POST /emails:send</c> (api-version 2023-03-31 field names).</summary>
internal static class AcsEmailPayload
{
    public static byte[] Serialize(EmailMessage message, string senderAddress, bool trackingDisabled)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("senderAddress", senderAddress);
            w.WriteStartObject("content");
            w.WriteString("subject", message.Subject);
            w.WriteString("plainText", message.Text);
            w.WriteString("html", message.Html);
            w.WriteEndObject();
            w.WriteStartObject("recipients");
            WriteAddresses(w, "to", message.To);
            WriteAddresses(w, "cc", message.Cc);
            WriteAddresses(w, "bcc", []);
            w.WriteEndObject();
            WriteAddresses(w, "replyTo", message.ReplyTo);
            w.WriteBoolean("userEngagementTrackingDisabled", trackingDisabled);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteAddresses(Utf8JsonWriter w, string name, IReadOnlyList<EmailAddress> addresses)
    {
        w.WriteStartArray(name);
        foreach (var a in addresses)
        {
            w.WriteStartObject();
            w.WriteString("address", a.Address);
            if (!string.IsNullOrWhiteSpace(a.DisplayName))
            {
                w.WriteString("displayName", a.DisplayName);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
