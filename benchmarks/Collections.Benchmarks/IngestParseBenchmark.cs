using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Benchmarks;

/// <summary>
/// Generates a ledger CSV (default 1,000,000 rows, 20,000 accounts, Chinese and Latin names, three
/// currencies, quoted amounts with thousands separators) in a temp file, then parses and validates it
/// twice: validate-only (what an apply step does first) and with accounts materialised (the dry run).
/// Measures the floor on the same file in the same run (<see cref="SepFloor"/>: Sep reading it and converting
/// amounts and dates) and prints each figure with its ratio to that floor (goal: 0.5 or more), the peak managed
/// heap (sampled) and the process peak working set; after warming up, three rounds, and the medians. Options: [rows] [validate|accounts|both|generate]
/// [path]: <c>generate</c> only writes the file to <c>path</c> and keeps it (to measure the CLI on it).
/// </summary>
internal static class IngestParseBenchmark
{
    private const int Rounds = 3;
    private static readonly string[] Zones = ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Europe/Berlin", "America/New_York"];
    private static readonly string[] Currencies = ["CNY", "USD", "EUR"];

    public static Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var mode = args.Length > 1 ? args[1] : "both";
        var path = Path.Combine(Path.GetTempPath(), $"ingest-bench-{Environment.ProcessId}_2026-06-12.csv");
        if (string.Equals(mode, "generate", StringComparison.Ordinal))
        {
            Generate(args[2], rows);
            return Task.CompletedTask;
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            Generate(path, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {rows} rows, {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB in {stopwatch.Elapsed.TotalSeconds:F1} s"));

            // Warm both readers on the file (JIT, page cache) until tiered compilation has settled: after a
            // single pass the runtime is still compiling the parser's optimised code on another thread, and that
            // CPU time would be charged to the first measured pass. Then three rounds, each measuring the floor
            // and the parser back to back, so both see the same machine; the medians are compared.
            for (var i = 0; i < 2; i++)
            {
                SepFloor.RowsPerSecond(path, rows);
                Warm(path, includeAccounts: mode is "accounts" or "both");
            }

            var floors = new List<double>();
            var validateOnly = new List<double>();
            var withAccounts = new List<double>();
            for (var round = 1; round <= Rounds; round++)
            {
                var floor = SepFloor.RowsPerSecond(path, rows);
                floors.Add(floor);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {"floor: Sep 0.17.1 + amounts, dates",-32} {floor:F0} rows per CPU second"));
                if (mode is "validate" or "both")
                {
                    validateOnly.Add(Measure(path, rows, includeAccounts: false, floor));
                }

                if (mode is "accounts" or "both")
                {
                    withAccounts.Add(Measure(path, rows, includeAccounts: true, floor));
                }
            }

            var floorMedian = Median(floors);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {Rounds} rounds: floor {floorMedian:F0} rows per CPU second"));
            if (validateOnly.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {Rounds} rounds: parse+validate (validate-only) {Median(validateOnly):F0} rows per CPU second, ratio to floor {Median(validateOnly) / floorMedian:F2}"));
            }

            if (withAccounts.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {Rounds} rounds: parse+validate+accounts {Median(withAccounts):F0} rows per CPU second, ratio to floor {Median(withAccounts) / floorMedian:F2}"));
            }
        }
        finally
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Warm(string path, bool includeAccounts)
    {
        var result = new LedgerParser(new IngestOptions()).ParseFile(path, new LedgerParseRequest(Path.GetFileName(path), new DateOnly(2026, 6, 12)) { IncludeAccounts = includeAccounts });
        if (includeAccounts)
        {
            // Reads every account once, as the dry run's report does.
            GC.KeepAlive(result.Accounts.Sum(a => a.Items.Count));
        }
    }

    /// <summary>Parses the file once, prints the figures and returns rows per CPU second.</summary>
    private static double Measure(string path, int rows, bool includeAccounts, double floor)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        var done = false;

        // Sleeps between samples (a spinning wait would add its own CPU time to the figure).
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                Thread.Sleep(10);
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }) { IsBackground = true };
        sampler.Start();

        var parser = new LedgerParser(new IngestOptions());
        var stopwatch = Stopwatch.StartNew();
        var cpu = CpuClock.Start();
        var result = parser.ParseFile(path, new LedgerParseRequest(Path.GetFileName(path), new DateOnly(2026, 6, 12)) { IncludeAccounts = includeAccounts });
        stopwatch.Stop();
        var cpuSeconds = cpu.Seconds;
        var retained = GC.GetTotalMemory(forceFullCollection: false);
        Volatile.Write(ref done, true);
        sampler.Join();
        peak = Math.Max(peak, retained);

        if (!result.IsValid || result.RowCount != rows)
        {
            throw new InvalidOperationException($"benchmark file did not validate: {result.ErrorCount} errors, {result.RowCount} rows");
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(includeAccounts ? "parse+validate+accounts" : "parse+validate (validate-only)"),-32} {rows} rows in {stopwatch.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU = {rows / cpuSeconds:F0} rows per CPU second, ratio to floor {rows / cpuSeconds / floor:F2}; " +
            $"managed heap peak {(peak - baseline) / 1024.0 / 1024.0:F0} MiB above baseline, at end {(retained - baseline) / 1024.0 / 1024.0:F0} MiB; " +
            $"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB; accounts {result.AccountCount}"));
        GC.KeepAlive(result);
        return rows / cpuSeconds;
    }

    internal static void Generate(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.Write("公司主体,客户编号,客户名称,联系邮箱,语言,时区,国家,信用等级,发票号,开票日期,到期日,币种,原币金额,未收金额,争议,订单号\r\n");
        var start = new DateOnly(2025, 6, 1);
        for (var i = 0; i < rows; i++)
        {
            var customer = i % 20_000;
            var chinese = customer % 2 == 0;
            var invoiceDate = start.AddDays(i % 365);
            var amount = 1000m + (i % 97_531) + ((i % 100) / 100m);
            var open = i % 5 == 0 ? amount / 2 : amount;
            var negative = i % 23 == 0;
            writer.Write(customer % 3 == 0 ? "SH01" : "BJ02");
            writer.Write(",K-");
            writer.Write(customer.ToString("D6", CultureInfo.InvariantCulture));
            writer.Write(chinese ? ",上海华东机电有限公司" : ",\"Acme Trading, Ltd.\"");
            writer.Write(",ap");
            writer.Write(customer.ToString(CultureInfo.InvariantCulture));
            writer.Write("@example.com,");
            writer.Write(chinese ? "zh-CN," : "en,");
            writer.Write(Zones[customer % Zones.Length]);
            writer.Write(chinese ? ",CN," : ",DE,");
            writer.Write((char)('A' + (customer % 4)));
            writer.Write(",FP-");
            writer.Write(i.ToString("D8", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(invoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(invoiceDate.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Currencies[customer % Currencies.Length]);
            writer.Write(negative ? ",\"(" : ",\"");
            writer.Write(amount.ToString("#,##0.00", CultureInfo.InvariantCulture));
            writer.Write(negative ? ")\",\"(" : "\",\"");
            writer.Write(open.ToString("#,##0.00", CultureInfo.InvariantCulture));
            writer.Write(negative ? ")\"," : "\",");
            writer.Write(i % 50 == 0 ? "是" : "否");
            writer.Write(",PO-");
            writer.Write((i % 9999).ToString(CultureInfo.InvariantCulture));
            writer.Write("\r\n");
        }
    }
}
