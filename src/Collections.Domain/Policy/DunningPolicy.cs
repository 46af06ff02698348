using System.Reflection;
using Collections.Domain.Ledger;

namespace Collections.Domain.Policy;

/// <summary>
/// The dunning policy: ladders per credit grade, send window, business calendars and the timing
/// rules of domain.md section 4. Loaded from JSON (<see cref="PolicyLoader"/>); the default ships
/// embedded as <c>Policy/default-policy.json</c> and can be replaced by a file without code changes.
/// </summary>
public sealed class DunningPolicy
{
    private static readonly Lazy<DunningPolicy> DefaultPolicy = new(LoadDefault);

    /// <summary>Creates a policy; use <see cref="PolicyLoader"/> to get a validated one from JSON.</summary>
    public DunningPolicy(
        IReadOnlyDictionary<CreditGrade, GradeLadder> ladders,
        SendWindow sendWindow,
        BusinessCalendar defaultCalendar,
        IReadOnlyDictionary<string, BusinessCalendar> countryCalendars,
        PolicyTimings timings)
    {
        Ladders = ladders;
        SendWindow = sendWindow;
        DefaultCalendar = defaultCalendar;
        CountryCalendars = countryCalendars;
        Timings = timings;
    }

    /// <summary>The policy shipped with the product (domain.md section 4).</summary>
    public static DunningPolicy Default => DefaultPolicy.Value;

    /// <summary>The ladder per credit grade.</summary>
    public IReadOnlyDictionary<CreditGrade, GradeLadder> Ladders { get; }

    /// <summary>Local hours in which debtor notices go out.</summary>
    public SendWindow SendWindow { get; }

    /// <summary>The calendar for debtors whose country has none of its own.</summary>
    public BusinessCalendar DefaultCalendar { get; }

    /// <summary>Calendars by ISO 3166 alpha-2 country code.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> CountryCalendars { get; }

    /// <summary>The numeric timing rules.</summary>
    public PolicyTimings Timings { get; }

    /// <summary>How long closed cases stay live before they may move to the archive (default 7 years).</summary>
    public RetentionPeriod Retention { get; init; } = RetentionPeriod.Default;

    /// <summary>The ladder for a grade.</summary>
    public GradeLadder LadderFor(CreditGrade grade) => Ladders[grade];

    /// <summary>The business calendar for a debtor's country (the default when none is configured).</summary>
    public BusinessCalendar CalendarFor(string? country) =>
        country is not null && CountryCalendars.TryGetValue(country.ToUpperInvariant(), out var c) ? c : DefaultCalendar;

    private static DunningPolicy LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Collections.Domain.default-policy.json")
            ?? throw new InvalidOperationException("The default policy resource is missing from the domain assembly.");
        using var reader = new StreamReader(stream);
        var result = PolicyLoader.Parse(reader.ReadToEnd());
        return result.Policy ?? throw new InvalidOperationException("The shipped default policy is invalid: " + string.Join("; ", result.Errors));
    }
}
