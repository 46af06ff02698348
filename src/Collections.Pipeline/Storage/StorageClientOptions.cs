using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Collections.Pipeline.Storage;

/// <summary>
/// The storage service versions the app speaks, pinned to one that both Azure and the local emulator accept
/// (Azurite 3.35, the last release on Node 20, answers up to 2025-11-05; the SDK's default is newer). Every
/// client the app, the CLI, the tests and the benchmarks build takes its options from here.
/// </summary>
public static class StorageClientOptions
{
    /// <summary>The blob service version.</summary>
    public const BlobClientOptions.ServiceVersion BlobVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>The queue service version.</summary>
    public const QueueClientOptions.ServiceVersion QueueVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>Blob options at the pinned version.</summary>
    public static BlobClientOptions Blob() => new(BlobVersion);

    /// <summary>
    /// Queue options at the pinned version, with Base64 message bodies: what the Functions queue trigger reads
    /// and writes by default.
    /// </summary>
    public static QueueClientOptions Queue() => new(QueueVersion) { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>Table options (the table service has one current version, which Azurite speaks).</summary>
    public static TableClientOptions Table() => new();
}
