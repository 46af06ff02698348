using Azure.Storage.Blobs;
using Collections.Benchmarks.Durable;
using Collections.Domain.Ledger;
using Collections.Notices.Email.Smtp;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Storage;
using Microsoft.DurableTask;

namespace Collections.Benchmarks.Chaos;

/// <summary>
/// The worker process of the chaos run (verb <c>chaos-worker</c>): the local Durable runtime with the product's case
/// orchestrator (on the run's virtual clock) and activities, the real <see cref="SmtpEmailSender"/> to MailDev and the
/// blob evidence store. With <c>schedule=N</c> it first starts the run's N cases. It runs until it is killed.
/// </summary>
internal static class ChaosWorker
{
    public const string Ready = "chaos-worker: ready";

    public const string Scheduled = "chaos-worker: scheduled";

    public static async Task RunAsync(string[] args)
    {
        // The parent holds our standard input: when it closes (the parent ended, however), this orphan ends too.
        _ = Task.Run(() =>
        {
            Console.In.ReadToEnd();
            Environment.Exit(0);
        });
        var options = new BenchArgs(args, [.. ChaosSettings.Names, "schedule"]);
        var settings = ChaosSettings.From(options);
        var sender = new SmtpEmailSender(new SmtpEmailSenderOptions
        {
            Host = "127.0.0.1",
            Port = settings.SmtpPort,
            UseStartTls = false,
            SenderAddress = ChaosSettings.SenderAddress,
            Timeout = TimeSpan.FromSeconds(30),
        });
        var evidence = new BlobContainerClient(settings.Connection, "evidence", StorageClientOptions.Blob());
        await evidence.CreateIfNotExistsAsync();
        await using var host = await BenchDurableHost.StartAsync(settings.Host, sender, new BlobEvidenceStore(evidence));
        Console.WriteLine(Ready);

        var count = options.Int("schedule", 0);
        if (count > 0)
        {
            var today = DateOnly.FromDateTime(settings.Clock.VirtualStart.UtcDateTime);
            var inputs = Enumerable.Range(0, count).Select(i => BenchLadder.NewCase(host.Policies, BenchLadder.CustomerOf(i), today, -1, BenchLadder.GradeOf(i)));
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (input, ct) =>
                await host.Client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(input.CaseId), ct));
            Console.WriteLine(Scheduled);
        }

        // Until killed (the point of the run), or until the parent closes our standard input.
        await Task.Delay(Timeout.Infinite);
    }
}
