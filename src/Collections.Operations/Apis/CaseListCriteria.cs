using System.Globalization;
using System.Text;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Queries;

namespace Collections.Operations.Apis;

/// <summary>
/// Parsed case filters. The store filters status, entity and next-action range; the rest is applied in memory.
/// Pages are ordered by case id and the continuation token is the last id of the previous page (base64url), so
/// paging is stable while cases change.
/// </summary>
internal sealed record CaseListCriteria
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public IReadOnlySet<RuntimeStatus>? Statuses { get; init; }
    public IReadOnlySet<CaseStage>? Stages { get; init; }
    public IReadOnlySet<TrafficLight>? Lights { get; init; }
    public IReadOnlySet<CreditGrade>? Grades { get; init; }
    public IReadOnlySet<string>? Currencies { get; init; }
    public string? Entity { get; init; }
    public DateTimeOffset? NextActionFrom { get; init; }
    public DateTimeOffset? NextActionTo { get; init; }
    public string? Text { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
    public string? After { get; init; }

    public CaseListFilter StoreFilter => new() { Statuses = Statuses, Entity = Entity, NextActionFrom = NextActionFrom, NextActionBefore = NextActionTo };

    /// <summary>Parses the query, or names the first bad field and why.</summary>
    public static bool TryParse(CaseListQuery q, out CaseListCriteria criteria, out (string Field, string Message) error)
    {
        criteria = new CaseListCriteria();
        error = default;
        if (!TryEnums<RuntimeStatus>(q.RuntimeStatus, "runtimeStatus", out var statuses, ref error)
            || !TryEnums<CaseStage>(q.Stage, "stage", out var stages, ref error)
            || !TryEnums<CreditGrade>(q.Grade, "grade", out var grades, ref error))
        {
            return false;
        }

        HashSet<TrafficLight>? lights = null;
        foreach (var l in Split(q.Light))
        {
            if (!AgingLabels.TryParseLight(l, out var light))
            {
                error = ("light", $"'{l}' is not green, yellow or red");
                return false;
            }

            (lights ??= []).Add(light);
        }

        HashSet<string>? currencies = null;
        foreach (var c in Split(q.Currency))
        {
            if (!Currency.TryParse(c, out var currency))
            {
                error = ("currency", $"'{c}' is not a known ISO 4217 currency code");
                return false;
            }

            (currencies ??= new HashSet<string>(StringComparer.Ordinal)).Add(currency.Value.Code);
        }

        if (!TryInstant(q.NextActionFrom, "nextActionFrom", out var from, ref error) || !TryInstant(q.NextActionTo, "nextActionTo", out var to, ref error))
        {
            return false;
        }

        var size = DefaultPageSize;
        if (q.PageSize is { Length: > 0 } ps && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            error = ("pageSize", $"must be a whole number from 1 to {MaxPageSize}");
            return false;
        }

        string? after = null;
        if (q.ContinuationToken is { Length: > 0 } token)
        {
            after = DecodeToken(token);
            if (after is null)
            {
                error = ("continuationToken", "is not a token this API returned");
                return false;
            }
        }

        criteria = new CaseListCriteria
        {
            Statuses = statuses,
            Stages = stages,
            Lights = lights,
            Grades = grades,
            Currencies = currencies,
            Entity = string.IsNullOrWhiteSpace(q.Entity) ? null : q.Entity.Trim(),
            NextActionFrom = from,
            NextActionTo = to,
            Text = string.IsNullOrWhiteSpace(q.Q) ? null : q.Q.Trim(),
            PageSize = size,
            After = after,
        };
        return true;
    }

    /// <summary>
    /// Whether a case passes the in-memory filters. The state-only predicates run first; the light (judged today on
    /// the debtor's local date) costs a balance computation, so it is computed only when a light filter is set.
    /// </summary>
    public bool Matches(CaseState state, DateTimeOffset now) =>
        (Stages is null || Stages.Contains(state.Stage))
        && (Grades is null || (state.Contact is { } c && Grades.Contains(c.Grade)))
        && (Currencies is null || state.Items.Any(i => Currencies.Contains(i.Currency.Code)))
        && (Text is null
            || state.Account.CustomerId.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || state.CustomerName.Contains(Text, StringComparison.OrdinalIgnoreCase))
        && (Lights is null || Lights.Contains(KpiCalculator.Balance(state, CaseViews.BalanceDate(state, now)).Light));

    public static string EncodeToken(string caseId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(caseId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The case id a token carries, or null when it is not one <see cref="EncodeToken"/> made.</summary>
    public static string? DecodeToken(string token)
    {
        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var n) && n > 0 ? Encoding.UTF8.GetString(buffer, 0, n) : null;
    }

    private static IEnumerable<string> Split(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryEnums<T>(string? value, string field, out IReadOnlySet<T>? set, ref (string, string) error)
        where T : struct, Enum
    {
        set = null;
        HashSet<T>? parsed = null;
        foreach (var v in Split(value))
        {
            if (!Enum.TryParse<T>(v, ignoreCase: true, out var e) || !Enum.IsDefined(e) || int.TryParse(v, CultureInfo.InvariantCulture, out _))
            {
                error = (field, $"'{v}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
                return false;
            }

            (parsed ??= []).Add(e);
        }

        set = parsed;
        return true;
    }

    private static bool TryInstant(string? value, string field, out DateTimeOffset? instant, ref (string, string) error)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        error = (field, $"'{value}' is not an ISO 8601 instant");
        return false;
    }
}
