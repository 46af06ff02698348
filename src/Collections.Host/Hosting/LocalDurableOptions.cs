using System.Globalization;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// Settings of the local Durable runtime (<c>Durable:*</c>): the task hub (the same name as the Functions
/// app's <c>extensions.durableTask.hubName</c> in host.json), the worker id that owns its partition leases, and
/// how often idle queues are polled.
/// </summary>
internal sealed record LocalDurableOptions(string StorageConnectionString)
{
    /// <summary>The Functions app's hub name (host.json), the default here too.</summary>
    public const string DefaultHubName = "CollectionsHub";

    /// <summary>The task hub.</summary>
    public string HubName { get; init; } = DefaultHubName;

    /// <summary>
    /// The worker id owning partition leases. Stable across restarts (a restarted process with the same id resumes
    /// at once; a new id waits for the old leases to expire); two hosts on one hub need two ids.
    /// </summary>
    public string WorkerId { get; init; } = Environment.MachineName + "-collections";

    /// <summary>Longest wait between polls of an idle control or work-item queue (default 2 s; the framework's 30 s makes timers look slow).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Control-queue partitions (default 4, the framework's default).</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Reads <c>Durable:HubName</c>, <c>Durable:WorkerId</c>, <c>Durable:MaxQueuePollingInterval</c> and <c>Durable:PartitionCount</c>.</summary>
    public static LocalDurableOptions Read(IConfiguration config)
    {
        var connection = config[HostSettings.StorageConnectionName]
            ?? throw new InvalidSettingsException([$"{HostSettings.StorageConnectionName}: the local Durable runtime needs a storage connection string"]);
        var options = new LocalDurableOptions(connection);
        if (config["Durable:HubName"] is { Length: > 0 } hub)
        {
            options = options with { HubName = hub };
        }

        if (config["Durable:WorkerId"] is { Length: > 0 } worker)
        {
            options = options with { WorkerId = worker };
        }

        if (TimeSpan.TryParse(config["Durable:MaxQueuePollingInterval"], CultureInfo.InvariantCulture, out var polling) && polling > TimeSpan.Zero)
        {
            options = options with { MaxQueuePollingInterval = polling };
        }

        if (int.TryParse(config["Durable:PartitionCount"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var partitions) && partitions is >= 1 and <= 16)
        {
            options = options with { PartitionCount = partitions };
        }

        return options;
    }
}
