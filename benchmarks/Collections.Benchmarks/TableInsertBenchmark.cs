using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Collections.TestSupport;

namespace Collections.Benchmarks;

/// <summary>
/// Inserts entities into a fresh Azurite through Azure.Data.Tables: 10,000 in 100-operation entity-group
/// transactions (the floor other storage benchmarks compare with), then (for comparison) a smaller number one
/// request at a time. Prints entities per second and the ratio. Options: [batched] [single].
/// </summary>
internal static class TableInsertBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var batchedCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var singleCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var service = azurite.CreateTableServiceClient();
            var batchedRate = await MeasureBatchedAsync(service, batchedCount);

            var single = service.GetTableClient("single");
            await single.CreateIfNotExistsAsync();
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < singleCount; i++)
            {
                await single.AddEntityAsync(Entity("s", i));
            }

            var singleRate = singleCount / stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"single:  {singleCount} entities in {stopwatch.Elapsed.TotalSeconds:F2} s = {singleRate:F0} entities/s (one insert per request)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio:   batched is {batchedRate / singleRate:F1}x single"));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>
    /// The floor: <paramref name="count"/> small entities inserted in 100-operation transactions, one at a time,
    /// into a fresh table (after a warm-up), <paramref name="perPartition"/> to a partition. Prints and returns
    /// entities per second. Azurite's insert slows as a partition grows (2,600 a second into partitions of
    /// 10,000 against 5,600 into partitions of 1,000, measured 2026-12-02), so the shape is part of the floor.
    /// </summary>
    public static async Task<double> MeasureBatchedAsync(TableServiceClient service, int count, int perPartition = 1000, string label = "batched")
    {
        // Warm up the connection and JIT on a throwaway table.
        var warm = service.GetTableClient("warmup" + Guid.NewGuid().ToString("N")[..8]);
        await warm.CreateIfNotExistsAsync();
        await warm.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Action("w", i)));
        await warm.AddEntityAsync(Entity("w1", 0));

        var batched = service.GetTableClient("batched" + Guid.NewGuid().ToString("N")[..8]);
        await batched.CreateIfNotExistsAsync();
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < count; start += 100)
        {
            var partition = "p" + (start / perPartition).ToString("D3", CultureInfo.InvariantCulture);
            await batched.SubmitTransactionAsync(Enumerable.Range(start, Math.Min(100, count - start)).Select(i => Action(partition, i)));
        }

        var rate = count / stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {count} entities in {stopwatch.Elapsed.TotalSeconds:F2} s = {rate:F0} entities/s (100 per transaction, {perPartition} per partition)"));
        return rate;
    }

    private static TableTransactionAction Action(string partition, int i) => new(TableTransactionActionType.Add, Entity(partition, i));

    private static TableEntity Entity(string partition, int i) => new(partition, i.ToString("D6", CultureInfo.InvariantCulture))
    {
        ["Debtor"] = "ACME-" + i.ToString(CultureInfo.InvariantCulture),
        ["AmountMinor"] = 12_345L + i,
        ["Due"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i % 90),
        ["Open"] = true,
    };
}
