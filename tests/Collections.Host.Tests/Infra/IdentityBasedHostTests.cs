using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Collections.Host.Hosting;
using Collections.Notices.Email;
using Collections.Notices.Email.Acs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// The host composed exactly as in Azure, from infra's app settings alone (identity-based AzureWebJobsStorage__*,
/// no connection string, no key), with a fake <see cref="TokenCredential"/> registered in place of the managed
/// identity: storage requests carry that credential's bearer token for the storage scope, and so do ACS sends in
/// identity mode. Nothing is started and nothing touches the network: requests go through a recording transport.
/// </summary>
public sealed class IdentityBasedHostTests
{
    private static (WebApplication App, FakeTokenCredential Credential) Compose(AcsAccess mode, HttpPipelineTransport? storageTransport = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var settings = InfraAppSettings.AsConfiguration(mode);
        // No stray connection string from the test runner's environment.
        settings["AzureWebJobsStorage"] = string.Empty;
        builder.Configuration.AddInMemoryCollection(settings);
        var credential = new FakeTokenCredential();
        builder.Services.AddSingleton<TokenCredential>(credential);
        if (storageTransport is not null)
        {
            // The clients the host registers, sent through a recording transport instead of the network.
            builder.Services.PostConfigureAll<BlobClientOptions>(o => o.Transport = storageTransport);
            builder.Services.PostConfigureAll<QueueClientOptions>(o => o.Transport = storageTransport);
            builder.Services.PostConfigureAll<TableClientOptions>(o => o.Transport = storageTransport);
        }

        builder.AddCollections();
        return (builder.Build(), credential);
    }

    [Fact]
    public async Task StorageClients_InfraSettingsAlone_BearerTokenFromRegisteredCredential()
    {
        var transport = new RecordingTransport(HttpStatusCode.Created);
        var (app, credential) = Compose(AcsAccess.Identity, transport);
        await using var _ = app;

        var blobs = app.Services.GetRequiredService<BlobServiceClient>();
        var queues = app.Services.GetRequiredService<QueueServiceClient>();
        var tables = app.Services.GetRequiredService<TableServiceClient>();
        Assert.Equal(InfraAppSettings.StandInAccount, blobs.AccountName);
        Assert.Equal($"https://{InfraAppSettings.StandInAccount}.blob.core.windows.net/", blobs.Uri.AbsoluteUri);
        Assert.Equal($"https://{InfraAppSettings.StandInAccount}.queue.core.windows.net/", queues.Uri.AbsoluteUri);
        Assert.Equal($"https://{InfraAppSettings.StandInAccount}.table.core.windows.net/", tables.Uri.AbsoluteUri);

        // The host's own clients: one request per service, each with the credential's bearer token.
        await blobs.GetBlobContainerClient(StorageNames.LedgersContainer).CreateIfNotExistsAsync();
        await queues.GetQueueClient(StorageNames.BlobTriggerPoisonQueue).CreateIfNotExistsAsync();
        await tables.GetTableClient(StorageNames.CaseProjectionsTable).CreateIfNotExistsAsync();

        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r =>
        {
            Assert.Equal("Bearer " + FakeTokenCredential.Token, r.Headers["Authorization"]);
            Assert.StartsWith($"https://{InfraAppSettings.StandInAccount}.", r.Uri.AbsoluteUri, StringComparison.Ordinal);
        });
        Assert.NotEmpty(credential.Scopes);
        Assert.All(credential.Scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
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
