using System.Text.Json;

namespace Collections.Domain.Policy;

/// <content>The <c>retention</c> setting: <c>{ "years": 7 }</c> or <c>{ "days": 2557 }</c>, exactly one of the two.</content>
public static partial class PolicyLoader
{
    private const int MaxRetentionYears = 100;
    private const int MaxRetentionDays = 36_500;

    private static RetentionPeriod ReadRetention(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("retention", out var r))
        {
            return RetentionPeriod.Default;
        }

        const string Expected = "must be an object with exactly one of \"years\" (1 to 100) or \"days\" (1 to 36500), for example { \"years\": 7 }";
        if (r.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"retention: {Expected} (got {r.GetRawText()})");
            return RetentionPeriod.Default;
        }

        Unknown(r, "retention.", errors, "years", "days", "description");
        var hasYears = r.TryGetProperty("years", out var years);
        var hasDays = r.TryGetProperty("days", out var days);
        if (hasYears == hasDays)
        {
            errors.Add($"retention: {Expected}");
            return RetentionPeriod.Default;
        }

        var (value, name, max) = hasYears ? (years, "years", MaxRetentionYears) : (days, "days", MaxRetentionDays);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n < 1 || n > max)
        {
            errors.Add($"retention.{name}: must be a whole number from 1 to {max} (got {value.GetRawText()})");
            return RetentionPeriod.Default;
        }

        return hasYears ? RetentionPeriod.OfYears(n) : RetentionPeriod.OfDays(n);
    }
}
