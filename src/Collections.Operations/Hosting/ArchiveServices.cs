using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Collections.Domain.Policy;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Projections;

namespace Collections.Operations.Hosting;

/// <summary>
/// Composes the case archive: the reader (container <see cref="StorageNames.ArchiveContainer"/>, index table
/// <see cref="StorageNames.ArchiveIndexTable"/>) and the archiver, which reads the live cases from the registered
/// <see cref="ICaseProjectionStore"/> (resolved when the archiver is first used).
/// </summary>
internal static class ArchiveServices
{
    public static IServiceCollection AddCaseArchive(this IServiceCollection services)
    {
        services.AddSingleton(new ArchiveOptions { Container = StorageNames.ArchiveContainer, IndexTable = StorageNames.ArchiveIndexTable });
        services.AddSingleton(sp => new BlobCaseArchive(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.ArchiveContainer),
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ArchiveIndexTable)));
        services.AddSingleton<IArchiveReader>(sp => sp.GetRequiredService<BlobCaseArchive>());
        services.AddSingleton(sp => new CaseArchiver(
            sp.GetRequiredService<ICaseProjectionStore>(),
            sp.GetRequiredService<BlobCaseArchive>(),
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.EvidenceContainer),
            sp.GetRequiredService<DunningPolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ArchiveOptions>(),
            sp.GetRequiredService<ILogger<CaseArchiver>>()));
        return services;
    }
}
