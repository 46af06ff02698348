using System.ComponentModel.DataAnnotations;

namespace Collections.Pipeline.Orchestration;

/// <summary>Options of the case activities.</summary>
public sealed class CaseOptions
{
    /// <summary>Table of the case projection, timeline and outbox rows (default <c>CaseProjections</c>).</summary>
    [Required]
    public string ProjectionTable { get; set; } = "CaseProjections";

    /// <summary>Table of the write-off register that SaveCase records written-off items into (default <c>WriteOffs</c>, as ingest reads).</summary>
    [Required]
    public string WriteOffTable { get; set; } = "WriteOffs";

    /// <summary>Base URL of the operations dashboard, for the case links in internal notices.</summary>
    [Required]
    public Uri DashboardBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>
    /// Whether a send interrupted by a crash is sent again. Safe only with a provider that deduplicates by
    /// idempotency key (ACS Email's Operation-Id); otherwise the row becomes Uncertain instead (default false).
    /// </summary>
    public bool ResendInterruptedSends { get; set; }
}
