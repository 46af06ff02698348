using Azure.Core;
using Collections.Storage.Tests.Support;

namespace Collections.Storage.Tests.Pipeline;

public sealed class BearerTokenTests
{
    private sealed class FakeCredential : TokenCredential
    {
        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Add(requestContext.Scopes);
            return new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task IdentitySettings_TwoRequests_BearerHeaderDateVersionAndOneTokenFetch()
    {
        var credential = new FakeCredential();
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage__accountName"] = "acct", ["AzureWebJobsStorage__credential"] = "managedidentity" };
        var connection = StorageConnection.FromConfiguration(settings, "AzureWebJobsStorage", credential);
        var transport = new RecordingTransport().Enqueue(201).Enqueue(201);
        var queue = FakeClients.Queue(transport, connection: connection).GetQueueClient("orders");

        await queue.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();

        Assert.Equal(2, transport.Requests.Count);
        var request = transport.Requests[0];
        Assert.Equal("https://acct.queue.core.windows.net/orders", request.Uri);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal("Fri, 01 Mar 2024 12:00:00 GMT", request.Header("x-ms-date"));
        Assert.Equal("2025-01-05", request.Header("x-ms-version"));
        var scopes = Assert.Single(credential.Scopes);
        Assert.Equal(["https://storage.azure.com/.default"], scopes);
    }
}
