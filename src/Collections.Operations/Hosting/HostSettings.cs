using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Notices;
using Collections.Notices.Email.Acs;
using Collections.Notices.Email.Smtp;

namespace Collections.Operations.Hosting;

/// <summary>
/// Every setting the host reads, parsed and validated once at start-up. Names are configuration paths;
/// in <c>local.settings.json</c> and app settings write <c>:</c> as <c>__</c> (e.g. <c>Notices__Provider</c>).
/// <c>local.settings.sample.json</c> documents each one.
/// </summary>
public sealed class HostSettings
{
    /// <summary>The storage connection's configuration name.</summary>
    public const string StorageConnectionName = "AzureWebJobsStorage";

    // Defaults shared by the property initialisers and Read (which falls back to them when a setting is absent or invalid).
    private const string DefaultTimeZoneId = "Asia/Shanghai";
    private static readonly Uri DefaultBaseUrl = new("http://localhost:7071/");
    private static readonly TimeSpan DefaultMaxPollingInterval = TimeSpan.FromSeconds(2);

    /// <summary>Dunning policy file; the shipped default when empty.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>The loaded policy.</summary>
    public required DunningPolicy Policy { get; init; }

    /// <summary>Time zone of debtors whose ledger row names none.</summary>
    public string DefaultTimeZone { get; init; } = DefaultTimeZoneId;

    /// <summary>Language of debtors whose ledger row names none.</summary>
    public NoticeLanguage DefaultLanguage { get; init; } = NoticeLanguage.English;

    /// <summary>Public base URL of the host (dashboard links in internal notices).</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>Virtual seconds per real second (1 = real time; 1440 = a day per minute).</summary>
    public double ClockSpeed { get; init; } = 1;

    /// <summary>Where an accelerated clock starts (now when empty).</summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary><c>Smtp</c> or <c>Acs</c>.</summary>
    public string EmailProvider { get; init; } = "Smtp";

    /// <summary>SMTP sender settings (<c>Notices:Smtp</c>).</summary>
    public SmtpEmailSenderOptions Smtp { get; init; } = new();

    /// <summary>ACS sender settings (<c>Notices:Acs</c>).</summary>
    public AcsEmailSenderOptions Acs { get; init; } = new();

    /// <summary>ACS connection string (<c>endpoint=...;accesskey=...</c>); empty to use the endpoint with a managed identity.</summary>
    public string? AcsConnectionString { get; init; }

    /// <summary>ACS endpoint for identity-based access.</summary>
    public Uri? AcsEndpoint { get; init; }

    /// <summary>Notice content settings (<c>Notices</c>).</summary>
    public NoticeOptions Notices { get; init; } = new();

    /// <summary>Keys that may read the operations API.</summary>
    public IReadOnlyList<string> ReaderKeys { get; init; } = [];

    /// <summary>Keys that may read and act.</summary>
    public IReadOnlyList<string> OperatorKeys { get; init; } = [];

    /// <summary>Longest wait between polls of the ledgers container in standalone mode (<c>Queues:MaxPollingInterval</c>).</summary>
    public TimeSpan MaxPollingInterval { get; init; } = DefaultMaxPollingInterval;

    /// <summary><c>none</c>, <c>console</c> or <c>otlp</c>.</summary>
    public string TelemetryExporter { get; init; } = "none";

    /// <summary>OTLP endpoint when the exporter is <c>otlp</c>.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Whether this is the Azure Functions app (its composition sets it; the local host never is).</summary>
    public bool UnderFunctionsHost { get; internal set; }

    /// <summary>Reads and validates every setting, reporting all problems at once.</summary>
    /// <exception cref="InvalidSettingsException">Anything is invalid; the message names each setting.</exception>
    public static HostSettings Read(IConfiguration config)
    {
        var problems = new List<string>();
        string? Get(string key) => config[key] is { Length: > 0 } v ? v.Trim() : null;

        var policyFile = Get("Collections:PolicyFile");
        var policy = DunningPolicy.Default;
        if (policyFile is not null)
        {
            var loaded = PolicyLoader.LoadFile(policyFile);
            if (loaded.Policy is null)
            {
                problems.AddRange(loaded.Errors.Select(e => $"Collections:PolicyFile: {e}"));
            }
            else
            {
                policy = loaded.Policy;
            }
        }

        var tz = Get("Collections:DefaultTimeZone") ?? DefaultTimeZoneId;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
        {
            problems.Add($"Collections:DefaultTimeZone: '{tz}' is not an IANA time zone id");
        }

        var language = NoticeLanguage.English;
        if (Get("Collections:DefaultLanguage") is { } lang && !NoticeLanguages.TryParse(lang, out language))
        {
            problems.Add($"Collections:DefaultLanguage: '{lang}' is not en or zh-CN");
        }

        var baseUrl = DefaultBaseUrl;
        if (Get("Collections:BaseUrl") is { } url && (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out baseUrl!) || baseUrl.Scheme is not ("http" or "https")))
        {
            problems.Add($"Collections:BaseUrl: '{url}' is not an absolute http(s) URL");
            baseUrl = DefaultBaseUrl;
        }

        var speed = 1d;
        if (Get("Clock:Speed") is { } s && (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) || speed < 1 || speed > 1_000_000))
        {
            problems.Add($"Clock:Speed: '{s}' must be a number from 1 (real time) to 1000000");
            speed = 1;
        }

        DateTimeOffset? clockStart = null;
        if (Get("Clock:Start") is { } start)
        {
            if (DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                clockStart = parsed;
            }
            else
            {
                problems.Add($"Clock:Start: '{start}' is not an ISO 8601 instant");
            }
        }

        var provider = Get("Notices:Provider") ?? "Smtp";
        var smtp = new SmtpEmailSenderOptions();
        var acs = new AcsEmailSenderOptions();
        config.GetSection("Notices:Smtp").Bind(smtp);
        config.GetSection("Notices:Acs").Bind(acs);
        var acsConnection = Get("Notices:Acs:ConnectionString");
        Uri? acsEndpoint = null;
        if (string.Equals(provider, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            Collect(problems, "Notices:Smtp", smtp.Validate);
        }
        else if (string.Equals(provider, "Acs", StringComparison.OrdinalIgnoreCase))
        {
            Collect(problems, "Notices:Acs", acs.Validate);
            if (acsConnection is null)
            {
                if (Get("Notices:Acs:Endpoint") is not { } endpoint || !Uri.TryCreate(endpoint, UriKind.Absolute, out acsEndpoint) || !string.Equals(acsEndpoint.Scheme, "https", StringComparison.Ordinal))
                {
                    problems.Add("Notices:Acs: set ConnectionString (endpoint=...;accesskey=...) or an https Endpoint for managed identity");
                }
            }
        }
        else
        {
            problems.Add($"Notices:Provider: '{provider}' must be Smtp or Acs");
        }

        var notices = new NoticeOptions();
        config.GetSection("Notices").Bind(notices);
        Collect(problems, "Notices", notices.Validate);

        var readers = Keys(Get("Api:ReaderKeys"));
        var operators = Keys(Get("Api:OperatorKeys"));
        if (readers.Count + operators.Count == 0)
        {
            problems.Add("Api:OperatorKeys: at least one API key is required (Api:ReaderKeys and/or Api:OperatorKeys, comma-separated)");
        }

        foreach (var key in readers.Concat(operators).Where(k => k.Length < 16))
        {
            problems.Add($"Api keys: a key of {key.Length} characters is too short (16 at least)");
        }

        var polling = DefaultMaxPollingInterval;
        if (Get("Queues:MaxPollingInterval") is { } p && (!TimeSpan.TryParse(p, CultureInfo.InvariantCulture, out polling) || polling <= TimeSpan.Zero))
        {
            problems.Add($"Queues:MaxPollingInterval: '{p}' is not a positive duration (hh:mm:ss)");
            polling = DefaultMaxPollingInterval;
        }

        var exporter = (Get("Telemetry:Exporter") ?? "none").ToLowerInvariant();
        Uri? otlp = null;
        if (exporter is not ("none" or "console" or "otlp"))
        {
            problems.Add($"Telemetry:Exporter: '{exporter}' must be none, console or otlp");
        }
        else if (string.Equals(exporter, "otlp", StringComparison.Ordinal) && (Get("Telemetry:OtlpEndpoint") is not { } o || !Uri.TryCreate(o, UriKind.Absolute, out otlp)))
        {
            problems.Add("Telemetry:OtlpEndpoint: required (an absolute URL) when Telemetry:Exporter is otlp");
        }

        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        return new HostSettings
        {
            PolicyFile = policyFile,
            Policy = policy,
            DefaultTimeZone = tz,
            DefaultLanguage = language,
            BaseUrl = baseUrl,
            ClockSpeed = speed,
            ClockStart = clockStart,
            EmailProvider = provider,
            Smtp = smtp,
            Acs = acs,
            AcsConnectionString = acsConnection,
            AcsEndpoint = acsEndpoint,
            Notices = notices,
            ReaderKeys = readers,
            OperatorKeys = operators,
            MaxPollingInterval = polling,
            TelemetryExporter = exporter,
            OtlpEndpoint = otlp,
        };
    }

    private static List<string> Keys(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static void Collect(List<string> problems, string section, Action validate)
    {
        try
        {
            validate();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NoticesConfigurationException or System.ComponentModel.DataAnnotations.ValidationException)
        {
            problems.Add($"{section}: {ex.Message}");
        }
    }
}
