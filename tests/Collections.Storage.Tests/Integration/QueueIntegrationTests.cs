using Azure;
using Collections.Storage.Queues;
using Collections.TestSupport;

namespace Collections.Storage.Tests.Integration;

[Collection(AzuriteFixture.CollectionName)]
public sealed class QueueIntegrationTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync(QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = encoding }).GetQueueClient(Names.Unique("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    [Fact]
    public async Task SendReceiveDelete_DequeueCountGrowsAndReceiptRules()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("héllo <world>", timeToLive: QueueClient.NeverExpires);
        Assert.Equal(1, (await queue.GetApproximateMessagesCountAsync()).Value);
        Assert.Equal("héllo <world>", Assert.Single((await queue.PeekMessagesAsync(32)).Value).MessageText);

        var first = Assert.Single((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal("héllo <world>", first.MessageText);
        Assert.Equal(9999, first.ExpiresOn!.Value.Year);

        // Make it visible again at once and receive it a second time.
        var updated = await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);
        Assert.NotEqual(first.PopReceipt, updated.Value.PopReceipt);
        var second = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);
        Assert.Equal(2, second.DequeueCount);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(second.MessageId, first.PopReceipt));
        Assert.Equal(400, stale.Status);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(second.MessageId, second.PopReceipt));
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task SendMessage_WithDelay_InvisibleBeforeVisibleAfter()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("later", TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));
        Assert.Empty((await queue.ReceiveMessagesAsync(1)).Value);

        QueueMessage? received = null;
        for (var attempt = 0; attempt < 40 && received is null; attempt++)
        {
            await Task.Delay(250);
            received = (await queue.ReceiveMessagesAsync(1)).Value.SingleOrDefault();
        }

        Assert.NotNull(received);
        Assert.Equal("later", received.MessageText);
    }

    [Fact]
    public async Task ClearAndNoneEncoding_RawTextRoundTripsAndQueueEmpties()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.None);
        await queue.SendMessageAsync("{\"a\":\"<&>\"}");
        await queue.SendMessageAsync("two");
        Assert.Equal("{\"a\":\"<&>\"}", (await queue.PeekMessagesAsync(2)).Value[0].MessageText);
        await queue.ClearMessagesAsync();
        Assert.Equal(0, (await queue.GetApproximateMessagesCountAsync()).Value);
        await queue.DeleteAsync();
    }
}
