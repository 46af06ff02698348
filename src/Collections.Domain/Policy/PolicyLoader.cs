using System.Globalization;
using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;

namespace Collections.Domain.Policy;

/// <summary>
/// Reads a policy from JSON and validates it, reporting every problem at once with its JSON path
/// (for example <c>ladders.B.steps.Demand: must be later than Reminder (day 15 &lt;= day 20)</c>).
/// The format is documented in docs/policy.md.
/// </summary>
public static partial class PolicyLoader
{
    private static readonly string[] StepNames = ["Reminder", "Demand", "FinalNotice", "Escalation"];

    /// <summary>Loads and validates a policy file.</summary>
    public static PolicyLoadResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            return new PolicyLoadResult(null, [$"{path}: cannot be read ({ex.Message})"]);
        }

        var result = Parse(json);
        return result.IsValid ? result : result with { Errors = result.Errors.Select(e => $"{path}: {e}").ToList() };
    }

    /// <summary>Parses and validates policy JSON.</summary>
    public static PolicyLoadResult Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new PolicyLoadResult(null, [$"not valid JSON: {ex.Message}"]);
        }

        using (doc)
        {
            var errors = new List<string>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new PolicyLoadResult(null, ["the policy must be a JSON object"]);
            }

            Unknown(root, "", errors, "sendWindow", "timings", "ladders", "calendars", "retention", "$schema", "description");
            var window = ReadWindow(root, errors);
            var timings = ReadTimings(root, errors);
            var ladders = ReadLadders(root, errors);
            var (defaultCalendar, countryCalendars) = ReadCalendars(root, errors);
            var retention = ReadRetention(root, errors);

            if (errors.Count > 0)
            {
                return new PolicyLoadResult(null, errors);
            }

            return new PolicyLoadResult(new DunningPolicy(ladders, window!, defaultCalendar!, countryCalendars, timings) { Retention = retention }, []);
        }
    }

    private static SendWindow? ReadWindow(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("sendWindow", out var w))
        {
            return new SendWindow(new TimeOnly(9, 0), new TimeOnly(20, 0));
        }

        Unknown(w, "sendWindow.", errors, "open", "close");
        var open = ReadTime(w, "open", "sendWindow.open", new TimeOnly(9, 0), errors);
        var close = ReadTime(w, "close", "sendWindow.close", new TimeOnly(20, 0), errors);
        if (open is { } o && close is { } c && o >= c)
        {
            errors.Add($"sendWindow: open ({o:HH\\:mm}) must be before close ({c:HH\\:mm})");
        }

        return open is { } o2 && close is { } c2 ? new SendWindow(o2, c2) : null;
    }

    private static PolicyTimings ReadTimings(JsonElement root, List<string> errors)
    {
        var t = new PolicyTimings();
        if (!root.TryGetProperty("timings", out var e))
        {
            return t;
        }

        Unknown(e, "timings.", errors,
            "preDueDaysBefore", "preDueEnabled", "minimumGapDays", "escalationMinDaysAfterFinalNotice", "demandPaymentDays",
            "finalNoticeDeadlineDays", "promiseMaxDaysAhead", "promiseGraceDays", "approvalReminderBusinessDays", "sendReceiptOnPayment", "lateInterestAnnualPercent");
        return t with
        {
            PreDueDaysBefore = Int(e, "preDueDaysBefore", t.PreDueDaysBefore, 0, 60, errors),
            PreDueEnabled = Bool(e, "preDueEnabled", t.PreDueEnabled, errors),
            MinimumGapDays = Int(e, "minimumGapDays", t.MinimumGapDays, 0, 60, errors),
            EscalationMinDaysAfterFinalNotice = Int(e, "escalationMinDaysAfterFinalNotice", t.EscalationMinDaysAfterFinalNotice, 0, 90, errors),
            DemandPaymentDays = Int(e, "demandPaymentDays", t.DemandPaymentDays, 1, 60, errors),
            FinalNoticeDeadlineDays = Int(e, "finalNoticeDeadlineDays", t.FinalNoticeDeadlineDays, 1, 60, errors),
            PromiseMaxDaysAhead = Int(e, "promiseMaxDaysAhead", t.PromiseMaxDaysAhead, 1, 365, errors),
            PromiseGraceDays = Int(e, "promiseGraceDays", t.PromiseGraceDays, 0, 30, errors),
            ApprovalReminderBusinessDays = Int(e, "approvalReminderBusinessDays", t.ApprovalReminderBusinessDays, 1, 30, errors),
            SendReceiptOnPayment = Bool(e, "sendReceiptOnPayment", t.SendReceiptOnPayment, errors),
            LateInterestAnnualPercent = Percent(e, "lateInterestAnnualPercent", errors),
        };
    }

    private static Dictionary<CreditGrade, GradeLadder> ReadLadders(JsonElement root, List<string> errors)
    {
        var result = new Dictionary<CreditGrade, GradeLadder>();
        if (!root.TryGetProperty("ladders", out var ladders) || ladders.ValueKind != JsonValueKind.Object)
        {
            errors.Add("ladders: required, an object with one ladder per credit grade A, B, C and D");
            return result;
        }

        foreach (var grade in ladders.EnumerateObject())
        {
            var path = $"ladders.{grade.Name}";
            if (!Enum.TryParse<CreditGrade>(grade.Name, ignoreCase: false, out var g) || !Enum.IsDefined(g))
            {
                errors.Add($"{path}: unknown credit grade (expected A, B, C or D)");
                continue;
            }

            Unknown(grade.Value, path + ".", errors, "steps", "escalationRequiresApproval");
            var approval = Bool(grade.Value, "escalationRequiresApproval", false, errors, path + ".");
            var steps = new List<LadderStep>();
            if (!grade.Value.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}.steps: required, an object mapping Reminder/Demand/FinalNotice/Escalation to days after the anchor due date");
            }
            else
            {
                foreach (var step in stepsElement.EnumerateObject())
                {
                    var stepPath = $"{path}.steps.{step.Name}";
                    var index = Array.IndexOf(StepNames, step.Name);
                    if (index < 0)
                    {
                        errors.Add($"{stepPath}: unknown step (expected one of {string.Join(", ", StepNames)})");
                        continue;
                    }

                    if (step.Value.ValueKind != JsonValueKind.Number || !step.Value.TryGetInt32(out var days) || days < 1 || days > 730)
                    {
                        errors.Add($"{stepPath}: must be a whole number of days from 1 to 730 (got {step.Value.GetRawText()})");
                        continue;
                    }

                    steps.Add(new LadderStep(CaseStage.Reminder + index, days));
                }

                steps.Sort((a, b) => a.Stage.CompareTo(b.Stage));
                for (var i = 1; i < steps.Count; i++)
                {
                    if (steps[i].DaysAfterAnchor <= steps[i - 1].DaysAfterAnchor)
                    {
                        errors.Add($"{path}.steps.{Name(steps[i].Stage)}: must be later than {Name(steps[i - 1].Stage)} (day {steps[i].DaysAfterAnchor} <= day {steps[i - 1].DaysAfterAnchor})");
                    }
                }

                if (steps.Count == 0)
                {
                    errors.Add($"{path}.steps: at least one step is required");
                }

                if (steps.Any(s => s.Stage == CaseStage.Escalated) && steps.All(s => s.Stage != CaseStage.FinalNotice))
                {
                    errors.Add($"{path}.steps: Escalation requires a FinalNotice step before it");
                }
            }

            result[g] = new GradeLadder(g, steps, approval);
        }

        foreach (var g in Enum.GetValues<CreditGrade>().Where(g => !result.ContainsKey(g)))
        {
            if (!ladders.EnumerateObject().Any(p => string.Equals(p.Name, g.ToString(), StringComparison.Ordinal)))
            {
                errors.Add($"ladders.{g}: missing; every credit grade A, B, C and D needs a ladder");
            }
        }

        return result;
    }

    private static (BusinessCalendar? Default, Dictionary<string, BusinessCalendar> ByCountry) ReadCalendars(JsonElement root, List<string> errors)
    {
        var byCountry = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        if (!root.TryGetProperty("calendars", out var calendars))
        {
            return (BusinessCalendar.WeekdaysOnly, byCountry);
        }

        if (calendars.ValueKind != JsonValueKind.Object)
        {
            errors.Add("calendars: must be an object keyed by \"default\" or ISO 3166 alpha-2 country codes");
            return (null, byCountry);
        }

        var baseDays = calendars.TryGetProperty("default", out var d)
            ? ReadWeekdays(d, "calendars.default", BusinessCalendar.WeekdaysOnly.WorkingDays, errors)
            : BusinessCalendar.WeekdaysOnly.WorkingDays;
        BusinessCalendar defaultCalendar = BusinessCalendar.WeekdaysOnly;
        foreach (var entry in calendars.EnumerateObject())
        {
            var path = $"calendars.{entry.Name}";
            var isDefault = string.Equals(entry.Name, "default", StringComparison.Ordinal);
            if (!isDefault && (entry.Name.Length != 2 || !entry.Name.All(char.IsAsciiLetterUpper)))
            {
                errors.Add($"{path}: calendar keys are \"default\" or an upper-case ISO 3166 alpha-2 country code");
                continue;
            }

            Unknown(entry.Value, path + ".", errors, "workingDays", "holidays", "extraWorkingDays", "description");
            var weekdays = isDefault ? baseDays : ReadWeekdays(entry.Value, path, baseDays, errors);
            var holidays = ReadDates(entry.Value, "holidays", path, errors);
            var extra = ReadDates(entry.Value, "extraWorkingDays", path, errors);
            foreach (var both in holidays.Intersect(extra))
            {
                errors.Add($"{path}: {both:yyyy-MM-dd} is listed both as a holiday and as an extra working day");
            }

            var calendar = new BusinessCalendar(weekdays, holidays, extra);
            if (isDefault)
            {
                defaultCalendar = calendar;
            }
            else
            {
                byCountry[entry.Name] = calendar;
            }
        }

        return (defaultCalendar, byCountry);
    }

    private static IReadOnlySet<DayOfWeek> ReadWeekdays(JsonElement e, string path, IReadOnlySet<DayOfWeek> fallback, List<string> errors)
    {
        if (!e.TryGetProperty("workingDays", out var days))
        {
            return fallback;
        }

        var set = new HashSet<DayOfWeek>();
        if (days.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.workingDays: must be an array of weekday names such as \"Monday\"");
            return fallback;
        }

        foreach (var day in days.EnumerateArray())
        {
            if (day.ValueKind == JsonValueKind.String && Enum.TryParse<DayOfWeek>(day.GetString(), ignoreCase: true, out var dow) && Enum.IsDefined(dow))
            {
                set.Add(dow);
            }
            else
            {
                errors.Add($"{path}.workingDays: {day.GetRawText()} is not a weekday name");
            }
        }

        if (set.Count == 0)
        {
            errors.Add($"{path}.workingDays: at least one working weekday is required");
        }

        return set;
    }

    private static List<DateOnly> ReadDates(JsonElement e, string name, string path, List<string> errors)
    {
        var list = new List<DateOnly>();
        if (!e.TryGetProperty(name, out var dates))
        {
            return list;
        }

        if (dates.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.{name}: must be an array of yyyy-MM-dd dates");
            return list;
        }

        foreach (var date in dates.EnumerateArray())
        {
            if (date.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                list.Add(d);
            }
            else
            {
                errors.Add($"{path}.{name}: {date.GetRawText()} is not a yyyy-MM-dd date");
            }
        }

        return list;
    }

    private static TimeOnly? ReadTime(JsonElement e, string name, string path, TimeOnly fallback, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (v.ValueKind == JsonValueKind.String
            && TimeOnly.TryParseExact(v.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        errors.Add($"{path}: {v.GetRawText()} is not a time of day in HH:mm form");
        return null;
    }

    private static int Int(JsonElement e, string name, int fallback, int min, int max, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max)
        {
            return i;
        }

        errors.Add($"timings.{name}: must be a whole number from {min} to {max} (got {v.GetRawText()})");
        return fallback;
    }

    // null or absent: no late-payment interest; else a rate above 0 and at most 100 percent a year.
    private static decimal? Percent(JsonElement e, string name, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d > 0m && d <= 100m)
        {
            return d;
        }

        errors.Add($"timings.{name}: must be null or a percentage above 0 and at most 100 (got {v.GetRawText()})");
        return null;
    }

    private static bool Bool(JsonElement e, string name, bool fallback, List<string> errors, string prefix = "timings.")
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        errors.Add($"{prefix}{name}: must be true or false (got {v.GetRawText()})");
        return fallback;
    }

    private static void Unknown(JsonElement e, string prefix, List<string> errors, params string[] known)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{prefix.TrimEnd('.')}: must be an object");
            return;
        }

        foreach (var p in e.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add($"{prefix}{p.Name}: unknown setting (known: {string.Join(", ", known.Where(k => !k.StartsWith('$')))})");
        }
    }

    private static string Name(CaseStage stage) => StepNames[stage - CaseStage.Reminder];
}
