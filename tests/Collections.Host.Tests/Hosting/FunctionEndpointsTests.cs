using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Collections.Host.Hosting;
using Collections.Pipeline.Cases;
using Collections.TestSupport;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Hosting;

/// <summary>
/// The custom-handler contract: under the Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set) each non-HTTP function is
/// <c>POST /&lt;Name&gt;</c> with the documented payload and answers <c>{ Outputs, Logs, ReturnValue }</c>, 200 on success and
/// non-2xx on failure so the host retries.
/// </summary>
[Collection(HostingCollection.Name)]
public sealed class FunctionEndpointsTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private CollectionsHostFactory _factory = null!;
    private HttpClient _client = null!;

    public FunctionEndpointsTests(AzuriteFixture azurite) => _azurite = azurite;

    public Task InitializeAsync()
    {
        var settings = HostTestSettings.For(_azurite);
        settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "40123";
        _factory = new CollectionsHostFactory(settings);
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task DunningTimer_TimerForUnknownCaseWithDequeueCountAsString_Answers200WithInvocationResult()
    {
        var timer = JsonSerializer.Serialize(new TimerMessage("no-such-case", 3, DateTimeOffset.UnixEpoch), CaseJson.Options);

        var (status, body) = await InvokeAsync(FunctionInvocations.DunningTimer, InvocationSamples.Queue("message", timer, "2"));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertInvocationResult(body);
    }

    [Fact]
    public async Task NoticeOutbox_MessageForUnknownCaseWithDequeueCountAsNumber_Answers200()
    {
        var message = JsonSerializer.Serialize(new OutboxMessage("no-such-case", "o|000000000001|00"), CaseJson.Options);

        var (status, body) = await InvokeAsync(FunctionInvocations.NoticeOutbox, InvocationSamples.Queue("message", message, 1));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertInvocationResult(body);
    }

    [Fact]
    public async Task DunningTimer_DocumentedSampleIsNotATimerMessage_AnswersNon2xxSoTheHostRetries()
    {
        var (status, body) = await InvokeAsync(FunctionInvocations.DunningTimer, InvocationSamples.QueueTrigger);

        Assert.False((int)status is >= 200 and < 300, $"status {status}");
        var logs = AssertInvocationResult(body);
        Assert.Contains(logs, l => l.Contains(FunctionInvocations.DunningTimer + " failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoticeOutbox_NoData_AnswersNon2xx()
    {
        var (status, body) = await InvokeAsync(FunctionInvocations.NoticeOutbox, """{ "Data": {}, "Metadata": { "DequeueCount": "1" } }""");

        Assert.False((int)status is >= 200 and < 300, $"status {status}");
        AssertInvocationResult(body);
    }

    [Fact]
    public async Task Sweeper_TimerSample_Answers200WithASummaryLog()
    {
        var (status, body) = await InvokeAsync(FunctionInvocations.Sweeper, InvocationSamples.TimerTrigger);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(AssertInvocationResult(body), l => l.StartsWith("re-armed ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invocation_BodyNotJson_AnswersBadRequest()
    {
        var (status, body) = await InvokeAsync(FunctionInvocations.Sweeper, "this is not json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertInvocationResult(body);
    }

    [Fact]
    public async Task LedgerIngest_BlobSampleWithBase64Content_Answers200AndNamesTheBlob()
    {
        var name = $"contract-{Guid.NewGuid():N}_2026-11-02.csv";
        var content = await File.ReadAllBytesAsync(Path.Combine(AzuriteFixture.FindRepositoryRoot(), "samples", "demo-ledger.csv"));
        var blobs = _azurite.CreateBlobServiceClient();
        await EnsureStartedAsync();
        await blobs.GetBlobContainerClient(StorageNames.LedgersContainer).GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content));

        var (status, body) = await InvokeAsync(FunctionInvocations.LedgerIngest, InvocationSamples.Blob(name, content));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(AssertInvocationResult(body), l => l.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StandaloneMode_InvocationEndpoints_AreNotMapped()
    {
        await using var standalone = new CollectionsHostFactory(HostTestSettings.For(_azurite));
        using var client = standalone.CreateClient();

        using var response = await client.PostAsync(new Uri("/" + FunctionInvocations.DunningTimer, UriKind.Relative), new StringContent(InvocationSamples.QueueTrigger, Encoding.UTF8, "application/json"));

        Assert.False(response.IsSuccessStatusCode, $"status {response.StatusCode}");
    }

    private async Task EnsureStartedAsync()
    {
        using var health = await _client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300.0");
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
    }

    /// <summary>
    /// Checks the documented response shape and returns the Logs lines. Names match case-insensitively, as the host
    /// reads them (Newtonsoft <c>ReadAsAsync&lt;HttpScriptInvocationResult&gt;</c>): the app writes them camelCased.
    /// </summary>
    private static List<string> AssertInvocationResult(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal(JsonValueKind.Object, Property(body, "Outputs").ValueKind);
        Assert.True(Property(body, "ReturnValue").ValueKind is JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Object, "ReturnValue missing");
        return Property(body, "Logs").EnumerateArray().Select(l => l.GetString()!).ToList();
    }

    private static JsonElement Property(JsonElement body, string name) =>
        body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
