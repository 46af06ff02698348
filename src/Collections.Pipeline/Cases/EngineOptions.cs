using System.ComponentModel.DataAnnotations;

namespace Collections.Pipeline.Cases;

/// <summary>Options of the case engine, the dispatcher and the sweeper.</summary>
public sealed class EngineOptions
{
    /// <summary>Queue of durable timers.</summary>
    [Required]
    public string TimerQueue { get; set; } = "dunning-timers";

    /// <summary>Queue of the notice outbox.</summary>
    [Required]
    public string OutboxQueue { get; set; } = "notices-outbox";

    /// <summary>Table of cases.</summary>
    [Required]
    public string CasesTable { get; set; } = "Cases";

    /// <summary>Table of the account index.</summary>
    [Required]
    public string AccountsTable { get; set; } = "Accounts";

    /// <summary>Deliveries before a message counts as poison (the Functions default, 5).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How late a next action may be before the sweeper re-arms it (default 2 minutes).</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a Sending outbox row may stay claimed before the sweeper looks at it again (default 10 minutes).</summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether a send interrupted by a crash is sent again. Safe only with a provider that deduplicates by
    /// idempotency key (ACS Email's Operation-Id); with SMTP the row becomes Uncertain instead.
    /// </summary>
    public bool ResendInterruptedSends { get; set; }

    /// <summary>Base URL of the operations dashboard, for the case links in internal notices (the host's own URL).</summary>
    [Required]
    public Uri DashboardBaseUrl { get; set; } = new("http://localhost:7071/");
}
