using System.ComponentModel.DataAnnotations;
using Azure.Core;

namespace Collections.Notices.Email.Acs;

/// <summary>
/// Options of <see cref="AcsEmailSender"/> (section <c>Notices:Acs</c>). The sender does its own
/// retrying (429 with Retry-After, 408, 5xx, network) with a stable Operation-Id, so
/// <see cref="ClientOptions.Retry"/> is overridden to no retries when the pipeline is built.
/// </summary>
public sealed class AcsEmailSenderOptions : ClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notices:Acs";

    /// <summary>The verified sender, e.g. <c>DoNotReply@collections.contoso.com</c>.</summary>
    [Required]
    [EmailAddress]
    public string SenderAddress { get; set; } = string.Empty;

    /// <summary>The REST API version. Default <c>2023-03-31</c> (stable, supports Operation-Id).</summary>
    [Required]
    public string ApiVersion { get; set; } = "2023-03-31";

    /// <summary>Sends allowed per minute. Default 30 (custom-domain limit).</summary>
    [Range(1, 100_000)]
    public int SendsPerMinute { get; set; } = 30;

    /// <summary>Sends allowed per hour. Default 100 (custom-domain limit).</summary>
    [Range(1, 1_000_000)]
    public int SendsPerHour { get; set; } = 100;

    /// <summary>Status polls allowed per minute. Default 60 (custom-domain limit).</summary>
    [Range(1, 100_000)]
    public int StatusPollsPerMinute { get; set; } = 60;

    /// <summary>Status polls allowed per hour. Default 200 (custom-domain limit).</summary>
    [Range(1, 1_000_000)]
    public int StatusPollsPerHour { get; set; } = 200;

    /// <summary>Attempts of the send request on transient failures, the first included. Default 4.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Backoff before the second attempt when the service gives no Retry-After; doubles each time. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest Retry-After honoured in-process; a longer one ends the send as transient. Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Poll interval when the service sends no retry-after. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to poll before giving up as transient (a retry re-polls the same operation). Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxPollDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Turns off open and click tracking. Default true: tracking pixels have no place in a demand letter.</summary>
    public bool UserEngagementTrackingDisabled { get; set; } = true;

    /// <summary>The clock for x-ms-date, throttling and delays. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Validates every property.</summary>
    /// <exception cref="NoticesConfigurationException">Listing every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        OptionsValidation.Collect(this, string.Empty, problems);
        OptionsValidation.ThrowIfAny(SectionName, problems);
    }
}
