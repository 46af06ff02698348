using Collections.Benchmarks;

// One entry per benchmark; each lives in its own file.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["table-insert"] = TableInsertBenchmark.RunAsync,
    ["ingest-parse"] = IngestParseBenchmark.RunAsync,
    ["ingest-apply"] = IngestApplyBenchmark.RunAsync,
    ["durable"] = DurableBenchmark.RunAsync,
    ["chaos"] = Collections.Benchmarks.Chaos.ChaosRun.RunAsync,
    ["chaos-worker"] = Collections.Benchmarks.Chaos.ChaosWorker.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: Collections.Benchmarks <" + string.Join('|', benchmarks.Keys) + "> [options]");
    return 2;
}

Environment.ExitCode = 0;
await run(args[1..]);
return Environment.ExitCode; // a verb may set it (chaos: 1 when a case is lost or an e-mail duplicated)
