using Collections.Storage.Queues;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Queues;

public sealed class QueueLimitsTests
{
    [Fact]
    public async Task SendMessage_Base64Over64KiB_ThrowsBeforeSending()
    {
        var transport = new RecordingTransport();
        var queue = FakeClients.Queue(transport).GetQueueClient("orders");
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('x', 49_200)));
        Assert.Contains("65536", ex.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task SendMessage_NoneEncodingExactly64KiB_Sent()
    {
        var transport = new RecordingTransport().Enqueue(201, "<QueueMessagesList><QueueMessage><MessageId>m</MessageId><PopReceipt>r</PopReceipt></QueueMessage></QueueMessagesList>");
        var queue = FakeClients.Queue(transport, QueueMessageEncoding.None).GetQueueClient("orders");
        await queue.SendMessageAsync(new string('x', 65_536));
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task SendMessage_DelayOver7Days_Throws()
    {
        var queue = FakeClients.Queue(new RecordingTransport()).GetQueueClient("orders");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task SendMessage_TtlNotLongerThanDelay_Throws()
    {
        var queue = FakeClients.Queue(new RecordingTransport()).GetQueueClient("orders");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceiveMessages_CountOutOfRange_Throws(int count)
    {
        var queue = FakeClients.Queue(new RecordingTransport()).GetQueueClient("orders");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(count));
    }

    [Fact]
    public async Task SendMessage_NoneEncoding_XmlEscaped()
    {
        var transport = new RecordingTransport().Enqueue(201, "<QueueMessagesList><QueueMessage><MessageId>m</MessageId><PopReceipt>r</PopReceipt></QueueMessage></QueueMessagesList>");
        await FakeClients.Queue(transport, QueueMessageEncoding.None).GetQueueClient("orders").SendMessageAsync("<a & 'b'>");
        Assert.Equal("<QueueMessage><MessageText>&lt;a &amp; &apos;b&apos;&gt;</MessageText></QueueMessage>", transport.Requests[0].BodyText);
        Assert.Equal("POST /devstoreaccount1/orders/messages?visibilitytimeout=0", transport.Requests[0].RequestLine);
    }
}
