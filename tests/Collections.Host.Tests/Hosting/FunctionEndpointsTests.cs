using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Collections.Host.Hosting;
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

    [Theory]
    [InlineData("DunningTimer")]
    [InlineData("NoticeOutbox")]
    [InlineData("Sweeper")]
    public async Task CaseQueueFunctions_DurableRuntimeReplacedThem_AreNotMapped(string function)
    {
        var (status, _) = await PostAsync(function, InvocationSamples.QueueTrigger);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Invocation_BodyNotJson_AnswersBadRequest()
    {
        var (status, body) = await InvokeAsync(FunctionInvocations.LedgerIngest, "this is not json");

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

        using var response = await client.PostAsync(new Uri("/" + FunctionInvocations.LedgerIngest, UriKind.Relative), new StringContent(InvocationSamples.Blob("x_2026-11-02.csv", [1]), Encoding.UTF8, "application/json"));

        Assert.False(response.IsSuccessStatusCode, $"status {response.StatusCode}");
    }

    private async Task EnsureStartedAsync()
    {
        using var health = await _client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string function, string payload)
    {
        var (status, text) = await PostAsync(function, payload);
        return (status, JsonSerializer.Deserialize<JsonElement>(text));
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300.0");
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
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
