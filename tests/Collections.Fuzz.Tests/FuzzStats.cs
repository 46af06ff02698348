using System.Globalization;

namespace Collections.Fuzz.Tests;

/// <summary>What a fuzz run found: the figures docs/reliability.md records.</summary>
internal sealed class FuzzStats
{
    public int Tried { get; set; }

    public int Valid { get; set; }

    public int Rejected { get; set; }

    public int AccountsApplied { get; set; }

    public List<string> Crashes { get; } = [];

    public List<string> Violations { get; } = [];

    public double SlowestMs { get; set; }

    public string SlowestFile { get; set; } = string.Empty;

    public long MaxManagedBytes { get; set; }

    public long PeakWorkingSetBytes { get; set; }

    public Dictionary<string, int> RejectedBy { get; } = new(StringComparer.Ordinal);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"files tried {Tried}, valid and applied {Valid} ({AccountsApplied} accounts), rejected {Rejected}, crashes {Crashes.Count}, violations {Violations.Count}; " +
        $"slowest file {SlowestMs:F0} ms ({SlowestFile}); max managed heap {MaxManagedBytes / 1024.0 / 1024.0:F0} MiB; peak working set {PeakWorkingSetBytes / 1024.0 / 1024.0:F0} MiB; " +
        $"rejected by first error: {string.Join(", ", RejectedBy.OrderByDescending(p => p.Value).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture)))}");
}
