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
using Collections.Pipeline.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Collections.Operations.Hosting;

/// <summary>
/// Composes what both hosts run: settings, clock, storage clients, stores, the case engine, notices and ingest.
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
        Func<TimeSpan, TimeSpan> toReal = clock is null ? d => d : clock.ToRealDelay;

        // Storage: the SDK's clients from one AddAzureClients registration, on a connection string (Azurite) or
        // identity-based settings. One credential for storage and ACS: the user-assigned identity named by
        // AzureWebJobsStorage__clientId (or AZURE_CLIENT_ID). A credential registered earlier (tests) wins.
        services.AddStorageClients(builder.Configuration);
        services.AddSingleton<StorageBootstrap>();

        services.AddSingleton(new EngineOptions
        {
            TimerQueue = StorageNames.TimerQueue,
            OutboxQueue = StorageNames.OutboxQueue,
            CasesTable = StorageNames.CasesTable,
            AccountsTable = StorageNames.AccountsTable,
            MaxDequeueCount = settings.Queues.MaxDequeueCount,
            DashboardBaseUrl = settings.BaseUrl,
            ResendInterruptedSends = string.Equals(settings.EmailProvider, "Acs", StringComparison.OrdinalIgnoreCase),
        });
        services.AddSingleton<ICaseStore>(sp => new TableCaseStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.CasesTable)));
        services.AddSingleton<IAccountStore>(sp => new TableAccountStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.AccountsTable)));
        services.AddSingleton<Collections.Pipeline.WriteOffs.IWriteOffRegister>(sp => new TableWriteOffRegister(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.WriteOffsTable)));
        services.AddSingleton<ILedgerFileStore>(sp => new TableLedgerFileStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.LedgerFilesTable)));
        services.AddSingleton<ISnapshotSummaryStore>(sp => new TableSnapshotSummaryStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.SnapshotsTable)));
        services.AddSingleton<IEvidenceStore>(sp => new BlobEvidenceStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.EvidenceContainer)));
        services.AddCaseArchive();
        services.AddKeyedSingleton<IScheduledQueue>(StorageNames.TimerQueue, (sp, _) =>
            new StorageScheduledQueue(sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.TimerQueue), sp.GetRequiredService<TimeProvider>(), toReal));
        services.AddKeyedSingleton<IScheduledQueue>(StorageNames.OutboxQueue, (sp, _) =>
            new StorageScheduledQueue(sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.OutboxQueue), sp.GetRequiredService<TimeProvider>(), toReal));
        services.AddSingleton<ICaseSignals>(sp => sp.GetRequiredService<CaseEngine>());
        services.AddSingleton(sp => new CaseEngine(
            sp.GetRequiredService<ICaseStore>(),
            sp.GetRequiredService<IAccountStore>(),
            sp.GetRequiredKeyedService<IScheduledQueue>(StorageNames.TimerQueue),
            sp.GetRequiredKeyedService<IScheduledQueue>(StorageNames.OutboxQueue),
            settings.Policy,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<EngineOptions>(),
            sp.GetRequiredService<ILogger<CaseEngine>>()));

        // Notices: rendering (validated at start-up, overrides included) and the configured sender.
        var renderer = NoticeRenderer.Create(settings.Notices);
        services.AddSingleton(renderer);
        services.AddSingleton<IEmailSender>(sp => CreateSender(settings, sp));
        services.AddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<ICaseStore>(),
            sp.GetRequiredService<CaseEngine>(),
            renderer,
            sp.GetRequiredService<IEmailSender>(),
            sp.GetRequiredService<IEvidenceStore>(),
            sp.GetRequiredKeyedService<IScheduledQueue>(StorageNames.OutboxQueue),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<EngineOptions>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
        services.AddSingleton<CaseMessageHandler>();
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
