using System.Security.Cryptography;
using System.Text;
using Collections.Storage.Blobs;
using Collections.Storage.Queues;
using Collections.Storage.Tables;

namespace Collections.Storage.Tests.Support;

/// <summary>Clients wired to a <see cref="RecordingTransport"/> and a fixed clock, on Azurite's default path-style endpoints.</summary>
public static class FakeClients
{
    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static T Configure<T>(T options, RecordingTransport transport)
        where T : StorageClientOptions
    {
        options.Transport = transport;
        options.TimeProvider = new FixedTimeProvider();
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Diagnostics.IsTelemetryEnabled = false;
        return options;
    }

    public static BlobServiceClient Blob(RecordingTransport transport, StorageConnection? connection = null) =>
        new(connection ?? StorageConnection.Development, Configure(new BlobClientOptions(), transport));

    public static QueueServiceClient Queue(RecordingTransport transport, QueueMessageEncoding encoding = QueueMessageEncoding.Base64, StorageConnection? connection = null) =>
        new(connection ?? StorageConnection.Development, Configure(new QueueClientOptions { MessageEncoding = encoding }, transport));

    public static TableServiceClient Table(RecordingTransport transport, StorageConnection? connection = null) =>
        new(connection ?? StorageConnection.Development, Configure(new TableClientOptions(), transport));

    /// <summary>An independent HMAC for checking signatures.</summary>
    public static string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(stringToSign)));
}
