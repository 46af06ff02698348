using Azure.Core;
using Collections.Domain.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Collections.Notices.Email;
using Collections.Notices.Email.Acs;
using Collections.Notices.Email.Smtp;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Ingest;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.LedgerFiles;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Collections.Pipeline.Storage;
using Microsoft.DurableTask.Client;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Collections.Operations.Hosting;

/// <summary>
/// Composes what both hosts run: settings, clock, storage clients, stores, the cases' projection and signals, notices and ingest.
/// Each host adds its own triggers (the local host its loops, the Functions app its trigger functions).
/// </summary>
internal static class CollectionsServices
{
    /// <summary>Reads the settings (failing with every problem named) and registers every service.</summary>
    public static HostSettings AddCollections(this IHostApplicationBuilder builder)
    {
        var settings = HostSettings.Read(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(settings.Policy);

        var clock = settings.ClockSpeed > 1
            ? new AcceleratedTimeProvider(settings.ClockStart ?? TimeProvider.System.GetUtcNow(), settings.ClockSpeed)
            : null;
        services.AddSingleton<TimeProvider>(clock ?? TimeProvider.System);

        // Storage: the SDK's clients from one AddAzureClients registration, on a connection string (Azurite) or
        // identity-based settings. One credential for storage and ACS: the user-assigned identity named by
        // AzureWebJobsStorage__clientId (or AZURE_CLIENT_ID). A credential registered earlier (tests) wins.
        services.AddStorageClients(builder.Configuration);
        services.AddSingleton<StorageBootstrap>();

        services.AddSingleton<IAccountStore>(sp => new TableAccountStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.AccountsTable)));
        services.AddSingleton<Collections.Pipeline.WriteOffs.IWriteOffRegister>(sp => new TableWriteOffRegister(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.WriteOffsTable)));
        services.AddSingleton<ILedgerFileStore>(sp => new TableLedgerFileStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.LedgerFilesTable)));
        services.AddSingleton<ISnapshotSummaryStore>(sp => new TableSnapshotSummaryStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.SnapshotsTable)));
        services.AddSingleton<IEvidenceStore>(sp => new BlobEvidenceStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.EvidenceContainer)));
        services.AddCaseArchive();

        // Cases: Durable Task orchestrations (the host provides the runtime and its DurableTaskClient: the local
        // Durable runtime, or the Functions host), read through their projection table.
        var policies = new PolicyCatalog(settings.Policy);
        services.AddSingleton(policies);
        services.AddSingleton(new CaseOptions
        {
            ProjectionTable = StorageNames.CaseProjectionsTable,
            DashboardBaseUrl = settings.BaseUrl,
            ResendInterruptedSends = string.Equals(settings.EmailProvider, "Acs", StringComparison.OrdinalIgnoreCase),
        });
        services.AddSingleton<ICaseProjectionStore>(sp => new TableCaseProjectionStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.CaseProjectionsTable)));
        services.AddSingleton<ICaseSignals>(sp => new DurableCaseSignals(
            sp.GetRequiredService<DurableTaskClient>(),
            sp.GetRequiredService<IAccountStore>(),
            sp.GetRequiredService<Collections.Pipeline.WriteOffs.IWriteOffRegister>(),
            sp.GetRequiredService<ICaseProjectionStore>(),
            policies,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DurableCaseSignals>>()));

        // Notices: rendering (validated at start-up, overrides included) and the configured sender.
        var renderer = NoticeRenderer.Create(settings.Notices);
        services.AddSingleton(renderer);
        services.AddSingleton<INoticeRenderer>(renderer);
        services.AddSingleton<IEmailSender>(sp => CreateSender(settings, sp));
        services.AddSingleton(new IngestOptions
        {
            DefaultTimeZone = settings.DefaultTimeZone,
            DefaultLanguage = settings.DefaultLanguage.ToCode(),
        });
        services.AddSingleton(sp => new LedgerParser(sp.GetRequiredService<IngestOptions>()));
        services.AddSingleton(new LedgerIngestOptions
        {
            LedgersContainer = StorageNames.LedgersContainer,
            ProcessedContainer = StorageNames.ProcessedContainer,
            RejectedContainer = StorageNames.RejectedContainer,
        });
        services.AddSingleton<LedgerIngestProcessor>();

        return settings;
    }

    private static IEmailSender CreateSender(HostSettings settings, IServiceProvider sp)
    {
        if (string.Equals(settings.EmailProvider, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            return new SmtpEmailSender(settings.Smtp, sp.GetRequiredService<ILogger<SmtpEmailSender>>());
        }

        settings.Acs.TimeProvider = TimeProvider.System;
        return settings.AcsConnectionString is { } cs
            ? new AcsEmailSender(cs, settings.Acs, sp.GetRequiredService<ILogger<AcsEmailSender>>())
            : new AcsEmailSender(settings.AcsEndpoint!, sp.GetRequiredService<TokenCredential>(), settings.Acs, sp.GetRequiredService<ILogger<AcsEmailSender>>());
    }
}
