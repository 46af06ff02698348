using System.ComponentModel.DataAnnotations;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>Where ledgers come from and go, and how applying is paced.</summary>
public sealed class LedgerIngestOptions
{
    /// <summary>The drop container.</summary>
    [Required]
    public string LedgersContainer { get; set; } = "ledgers";

    /// <summary>Where accepted files (and duplicates) go, with a summary JSON beside them.</summary>
    [Required]
    public string ProcessedContainer { get; set; } = "ledgers-processed";

    /// <summary>Where rejected files go, with the error report as JSON and CSV.</summary>
    [Required]
    public string RejectedContainer { get; set; } = "ledgers-rejected";

    /// <summary>Accounts applied concurrently (each account is independent).</summary>
    [Range(1, 64)]
    public int ApplyParallelism { get; set; } = 8;

    /// <summary>How often progress is saved while applying (every N accounts).</summary>
    [Range(1, 100_000)]
    public int ProgressEvery { get; set; } = 250;
}
