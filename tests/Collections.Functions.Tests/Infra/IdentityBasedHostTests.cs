using System.Net;
using Azure.Core;
using Collections.Functions.Hosting;
using Collections.Notices.Email;
using Collections.Notices.Email.Acs;
using Collections.Storage;
using Collections.Storage.Blobs;
using Collections.Storage.Queues;
using Collections.Storage.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Tests.Infra;

/// <summary>
/// The host composed exactly as in Azure, from infra's app settings alone (identity-based AzureWebJobsStorage__*,
/// no connection string, no key), with a fake <see cref="TokenCredential"/> registered in place of the managed
/// identity: storage requests carry that credential's bearer token for the storage scope, and so do ACS sends in
/// identity mode. Nothing is started and nothing touches the network: requests go through a recording transport.
/// </summary>
public sealed class IdentityBasedHostTests
{
    private static (WebApplication App, FakeTokenCredential Credential) Compose(AcsAccess mode)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var settings = InfraAppSettings.AsConfiguration(mode);
        // Under the host: no standalone loops. And no stray connection string from the test runner's environment.
        settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = "49152";
        settings["AzureWebJobsStorage"] = string.Empty;
        builder.Configuration.AddInMemoryCollection(settings);
        var credential = new FakeTokenCredential();
        builder.Services.AddSingleton<TokenCredential>(credential);

        builder.AddCollections();
        return (builder.Build(), credential);
    }

    [Fact]
    public async Task StorageConnection_InfraSettingsAlone_BearerTokenFromRegisteredCredential()
    {
        var (app, credential) = Compose(AcsAccess.Identity);
        await using var _ = app;

        var connection = app.Services.GetRequiredService<StorageConnection>();
        Assert.Equal(StorageCredentialKind.Token, connection.CredentialKind);
        Assert.Equal(InfraAppSettings.StandInAccount, connection.AccountName);
        Assert.Equal($"https://{InfraAppSettings.StandInAccount}.blob.core.windows.net/", app.Services.GetRequiredService<BlobServiceClient>().Uri.AbsoluteUri);
        Assert.Equal($"https://{InfraAppSettings.StandInAccount}.queue.core.windows.net/", app.Services.GetRequiredService<QueueServiceClient>().Uri.AbsoluteUri);
        Assert.Equal($"https://{InfraAppSettings.StandInAccount}.table.core.windows.net/", app.Services.GetRequiredService<TableServiceClient>().Uri.AbsoluteUri);

        // The host's connection, sent through a recording transport: one request per service.
        var transport = new RecordingTransport(HttpStatusCode.Created);
        await new BlobServiceClient(connection, new BlobClientOptions { Transport = transport }).GetBlobContainerClient(StorageNames.LedgersContainer).CreateIfNotExistsAsync();
        await new QueueServiceClient(connection, new QueueClientOptions { Transport = transport }).GetQueueClient(StorageNames.TimerQueue).CreateIfNotExistsAsync();
        await new TableServiceClient(connection, new TableClientOptions { Transport = transport }).GetTableClient(StorageNames.CasesTable).CreateIfNotExistsAsync();

        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r =>
        {
            Assert.Equal("Bearer " + FakeTokenCredential.Token, r.Headers["Authorization"]);
            Assert.StartsWith($"https://{InfraAppSettings.StandInAccount}.", r.Uri.AbsoluteUri, StringComparison.Ordinal);
        });
        Assert.All(credential.Scopes, s => Assert.Equal(StorageConnection.StorageScope, s));
    }

    [Fact]
    public async Task AcsSender_IdentityMode_BearerTokenForTheCommunicationScope()
    {
        var (app, credential) = Compose(AcsAccess.Identity);
        await using var _ = app;
        var transport = new RecordingTransport(HttpStatusCode.BadRequest, """{"error":{"code":"BadRequest","message":"stand-in"}}""");
        app.Services.GetRequiredService<HostSettings>().Acs.Transport = transport;

        var sender = app.Services.GetRequiredService<IEmailSender>();
        var result = await sender.SendAsync(Message(), CancellationToken.None);

        Assert.IsType<AcsEmailSender>(sender);
        Assert.NotEqual(SendStatus.Sent, result.Status);
        var request = Assert.Single(transport.Requests);
        Assert.Equal("https://acs-collections-dev-abc123.europe.communication.azure.com/emails:send", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("Bearer " + FakeTokenCredential.Token, request.Headers["Authorization"]);
        Assert.Contains(AcsEmailSender.TokenScope, credential.Scopes);
    }

    [Fact]
    public async Task AcsSender_KeyVaultMode_SignsWithTheAccessKeyNotAToken()
    {
        var (app, credential) = Compose(AcsAccess.KeyVault);
        await using var _ = app;
        var transport = new RecordingTransport(HttpStatusCode.BadRequest, """{"error":{"code":"BadRequest","message":"stand-in"}}""");
        app.Services.GetRequiredService<HostSettings>().Acs.Transport = transport;

        await app.Services.GetRequiredService<IEmailSender>().SendAsync(Message(), CancellationToken.None);

        var request = Assert.Single(transport.Requests);
        Assert.StartsWith("HMAC-SHA256 ", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.DoesNotContain(AcsEmailSender.TokenScope, credential.Scopes);
    }

    private static EmailMessage Message() => new(
        [new EmailAddress("ap@debtor.example")],
        [],
        [],
        "Statement of account",
        "<p>stand-in</p>",
        "stand-in",
        "entity/customer/case-1/reminder/1");
}
