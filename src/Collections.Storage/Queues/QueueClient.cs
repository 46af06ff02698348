using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Collections.Storage.Blobs;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Queues;

/// <summary>Operations on one queue.</summary>
public sealed class QueueClient
{
    /// <summary>Pass as the time-to-live for a message that never expires (<c>messagettl=-1</c>).</summary>
    public static readonly TimeSpan NeverExpires = Timeout.InfiniteTimeSpan;

    /// <summary>The longest visibility timeout or delay the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>The largest message the service accepts, in UTF-8 bytes after encoding.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StorageServiceContext _context;
    private readonly QueueMessageEncoding _encoding;

    internal QueueClient(StorageServiceContext context, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length is < 3 or > 63)
        {
            throw new ArgumentException($"Queue name '{name}' must be 3 to 63 characters long.", nameof(name));
        }

        _context = context;
        _encoding = ((QueueClientOptions)context.Options).MessageEncoding;
        Name = name;
        UriString = context.Endpoint + "/" + Uri.EscapeDataString(name);
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The queue URL.</summary>
    public Uri Uri => new(UriString);

    internal string UriString { get; }

    /// <summary>Creates the queue unless it exists. Returns <see langword="true"/> when it was created.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, UriString);
        var response = await _context.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, UriString);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a message, invisible for <paramref name="visibilityDelay"/> (0 to 7 days), living for
    /// <paramref name="timeToLive"/> (<see langword="null"/>: the service default of 7 days; <see cref="NeverExpires"/>: never).
    /// </summary>
    /// <exception cref="ArgumentException">The encoded message exceeds 64 KiB, or the delay/TTL is out of range.</exception>
    public async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var body = BuildMessageBody(messageText);
        var delay = visibilityDelay ?? TimeSpan.Zero;
        var delaySeconds = ToSeconds(delay, TimeSpan.Zero, nameof(visibilityDelay));
        string? ttl = null;
        if (timeToLive is { } t)
        {
            if (t == NeverExpires)
            {
                ttl = "-1";
            }
            else if (t < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), t, "The time-to-live must be at least 1 second, or QueueClient.NeverExpires.");
            }
            else if (t <= delay)
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), t, "The time-to-live must be longer than the visibility delay.");
            }
            else
            {
                ttl = ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
        }

        var query = StorageUri.Query(("visibilitytimeout", delaySeconds), ("messagettl", ttl));
        using var message = _context.CreateMessage(RequestMethod.Post, UriString + "/messages" + query);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(body);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var element = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return Response.FromValue(
            new SendReceipt
            {
                MessageId = element.Element("MessageId")!.Value,
                PopReceipt = element.Element("PopReceipt")!.Value,
                InsertedOn = Date(element, "InsertionTime"),
                ExpiresOn = Date(element, "ExpirationTime"),
                NextVisibleOn = Date(element, "TimeNextVisible"),
            },
            response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1 to 32) messages, hiding them for <paramref name="visibilityTimeout"/> (1 second to 7 days; default 30 seconds).</summary>
    public async Task<Response<IReadOnlyList<QueueMessage>>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var visibility = ToSeconds(visibilityTimeout ?? TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
        var query = StorageUri.Query(("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)), ("visibilitytimeout", visibility));
        using var message = _context.CreateMessage(RequestMethod.Get, UriString + "/messages" + query);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage").Select(e => new QueueMessage
        {
            MessageId = e.Element("MessageId")!.Value,
            PopReceipt = e.Element("PopReceipt")!.Value,
            MessageText = Decode(e.Element("MessageText")?.Value ?? string.Empty),
            DequeueCount = long.Parse(e.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
            InsertedOn = Date(e, "InsertionTime"),
            ExpiresOn = Date(e, "ExpirationTime"),
            NextVisibleOn = Date(e, "TimeNextVisible"),
        }).ToList();
        return Response.FromValue<IReadOnlyList<QueueMessage>>(messages, response);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> (1 to 32) visible messages without changing their visibility.</summary>
    public async Task<Response<IReadOnlyList<PeekedMessage>>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = StorageUri.Query(("peekonly", "true"), ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)));
        using var message = _context.CreateMessage(RequestMethod.Get, UriString + "/messages" + query);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage").Select(e => new PeekedMessage
        {
            MessageId = e.Element("MessageId")!.Value,
            MessageText = Decode(e.Element("MessageText")?.Value ?? string.Empty),
            DequeueCount = long.Parse(e.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
            InsertedOn = Date(e, "InsertionTime"),
            ExpiresOn = Date(e, "ExpirationTime"),
        }).ToList();
        return Response.FromValue<IReadOnlyList<PeekedMessage>>(messages, response);
    }

    /// <summary>Deletes a received message. A stale receipt gives 400 <c>PopReceiptMismatch</c>; a deleted message 404 <c>MessageNotFound</c>.</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var uri = UriString + "/messages/" + Uri.EscapeDataString(messageId) + StorageUri.Query(("popreceipt", popReceipt));
        using var message = _context.CreateMessage(RequestMethod.Delete, uri);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a received message's visibility (0 to 7 days) and optionally its text; returns the new pop receipt.</summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var visibility = ToSeconds(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        var uri = UriString + "/messages/" + Uri.EscapeDataString(messageId) + StorageUri.Query(("popreceipt", popReceipt), ("visibilitytimeout", visibility));
        using var message = _context.CreateMessage(RequestMethod.Put, uri);
        if (messageText is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(BuildMessageBody(messageText));
        }

        // The receipt changes on success, so a retry after a lost response would fail with a stale receipt anyway.
        StorageRetryPolicy.MarkNonRetriable(message);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(
            new UpdateReceipt
            {
                PopReceipt = response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt : string.Empty,
                NextVisibleOn = BlobProtocol.ParseDate(response.Headers.TryGetValue("x-ms-time-next-visible", out var next) ? next : null),
            },
            response);
    }

    /// <summary>The approximate number of messages (<c>x-ms-approximate-messages-count</c>).</summary>
    public async Task<Response<int>> GetApproximateMessagesCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Get, UriString + "?comp=metadata");
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        return Response.FromValue(count, response);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, UriString + "/messages");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    internal byte[] BuildMessageBody(string messageText)
    {
        var encoded = _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)) : messageText;
        var size = Encoding.UTF8.GetByteCount(encoded);
        if (size > MaxMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {size} bytes after {_encoding} encoding; the queue service accepts at most {MaxMessageBytes} (64 KiB).", nameof(messageText));
        }

        return Encoding.UTF8.GetBytes("<QueueMessage><MessageText>" + SecurityElement.Escape(encoded) + "</MessageText></QueueMessage>");
    }

    private string Decode(string text)
    {
        if (_encoding == QueueMessageEncoding.None)
        {
            return text;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"A message in queue '{Name}' is not Base64; was it sent with QueueMessageEncoding.None?", ex);
        }
    }

    private static string ToSeconds(TimeSpan value, TimeSpan minimum, string parameterName)
    {
        if (value < minimum || value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Must be between {minimum} and 7 days.");
        }

        return ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? Date(XElement element, string name) => BlobProtocol.ParseDate(element.Element(name)?.Value);
}
