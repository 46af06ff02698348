using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;

namespace Collections.Domain.Tests.Policy;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void Default_ShipsTheLaddersOfTheSpec()
    {
        var p = DunningPolicy.Default;

        Assert.Equal("Reminder+3 Demand+21 FinalNotice+45 Escalated+90", Ladder(p, CreditGrade.A));
        Assert.Equal("Reminder+1 Demand+15 FinalNotice+30 Escalated+60", Ladder(p, CreditGrade.B));
        Assert.Equal("Reminder+1 Demand+10 FinalNotice+20 Escalated+45", Ladder(p, CreditGrade.C));
        Assert.Equal("Demand+1 FinalNotice+10 Escalated+30", Ladder(p, CreditGrade.D));
        Assert.True(p.LadderFor(CreditGrade.A).EscalationRequiresApproval);
        Assert.False(p.LadderFor(CreditGrade.B).EscalationRequiresApproval);
        Assert.Equal(new SendWindow(new TimeOnly(9, 0), new TimeOnly(20, 0)), p.SendWindow);
        Assert.Equal(new PolicyTimings(), p.Timings);
        Assert.Equal(7, p.Timings.MinimumGapDays);
        Assert.Equal(5, p.Timings.PreDueDaysBefore);
        Assert.Equal(2, p.Timings.PromiseGraceDays);
    }

    [Fact]
    public void Parse_ShippedDefaultFile_IsValid()
    {
        var path = Path.Combine(RepoRoot(), "src", "Collections.Domain", "Policy", "default-policy.json");
        var result = PolicyLoader.LoadFile(path);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneWithItsPath()
    {
        const string json = """
        {
          "sendWindow": { "open": "21:00", "close": "20:00" },
          "timings": { "minimumGapDays": -1, "sendReceiptOnPayment": "yes", "colour": "red" },
          "ladders": {
            "A": { "steps": { "Reminder": 3, "Demand": 2, "Escalation": 90 } },
            "B": { "steps": { "Reminder": 1, "Nudge": 5 } },
            "E": { "steps": { "Reminder": 1 } }
          },
          "calendars": {
            "default": { "workingDays": ["Funday"] },
            "cn": { },
            "CN": { "holidays": ["2026-10-01", "2026-02-30"], "extraWorkingDays": ["2026-10-01"] }
          }
        }
        """;

        var result = PolicyLoader.Parse(json);

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "sendWindow: open (21:00) must be before close (20:00)",
                "timings.colour: unknown setting (known: preDueDaysBefore, preDueEnabled, minimumGapDays, escalationMinDaysAfterFinalNotice, demandPaymentDays, finalNoticeDeadlineDays, promiseMaxDaysAhead, promiseGraceDays, approvalReminderBusinessDays, sendReceiptOnPayment, lateInterestAnnualPercent)",
                "timings.minimumGapDays: must be a whole number from 0 to 60 (got -1)",
                "timings.sendReceiptOnPayment: must be true or false (got \"yes\")",
                "ladders.A.steps.Demand: must be later than Reminder (day 2 <= day 3)",
                "ladders.A.steps: Escalation requires a FinalNotice step before it",
                "ladders.B.steps.Nudge: unknown step (expected one of Reminder, Demand, FinalNotice, Escalation)",
                "ladders.E: unknown credit grade (expected A, B, C or D)",
                "ladders.C: missing; every credit grade A, B, C and D needs a ladder",
                "ladders.D: missing; every credit grade A, B, C and D needs a ladder",
                "calendars.default.workingDays: \"Funday\" is not a weekday name",
                "calendars.default.workingDays: at least one working weekday is required",
                "calendars.cn: calendar keys are \"default\" or an upper-case ISO 3166 alpha-2 country code",
                "calendars.CN.holidays: \"2026-02-30\" is not a yyyy-MM-dd date",
                "calendars.CN: 2026-10-01 is listed both as a holiday and as an extra working day",
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "the policy must be a JSON object")]
    [InlineData("{}", "ladders: required")]
    public void Parse_NotAPolicy_ClearError(string json, string expected) =>
        Assert.StartsWith(expected, PolicyLoader.Parse(json).Errors[0], StringComparison.Ordinal);

    [Fact]
    public void LoadFile_Invalid_PrefixesErrorsWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "ladders": { "A": {}, "B": {}, "C": {}, "D": {} } }""");
        try
        {
            var result = PolicyLoader.LoadFile(path);
            Assert.Equal(4, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith(path + ": ladders.", e, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_CountryCalendar_InheritsDefaultWorkingDays()
    {
        var policy = Fixtures.ParsePolicy(Fixtures.DefaultPolicyJson("""
            { "default": { "workingDays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] },
              "CN": { "holidays": ["2026-10-01"], "extraWorkingDays": ["2026-10-11"] } }
            """));

        var cn = policy.CalendarFor("cn");
        Assert.True(cn.IsBusinessDay(Fixtures.D("2026-10-10")));  // Saturday, inherited
        Assert.False(cn.IsBusinessDay(Fixtures.D("2026-10-01"))); // holiday
        Assert.True(cn.IsBusinessDay(Fixtures.D("2026-10-11")));  // Sunday made a working day
        Assert.Same(policy.DefaultCalendar, policy.CalendarFor("GB"));
        Assert.Same(policy.DefaultCalendar, policy.CalendarFor(null));
    }

    private static string Ladder(DunningPolicy p, CreditGrade g) =>
        string.Join(" ", p.LadderFor(g).Steps.Select(s => $"{s.Stage}+{s.DaysAfterAnchor}"));

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "CollectionsFunctions.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }

    [Theory]
    [InlineData("8.5", "8.5")]
    [InlineData("null", null)]
    public void Parse_LateInterest_ReadsTheAnnualPercentOrNone(string value, string? expected)
    {
        var result = PolicyLoader.Parse(Fixtures.DefaultPolicyJson("""{ "default": { "holidays": [] } }""").Replace("\"ladders\"", $"\"timings\": {{ \"lateInterestAnnualPercent\": {value} }}, \"ladders\"", StringComparison.Ordinal));

        Assert.Empty(result.Errors);
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Policy!.Timings.LateInterestAnnualPercent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("120")]
    [InlineData("\"8%\"")]
    public void Parse_LateInterestOutOfRange_ReportsIt(string value)
    {
        var result = PolicyLoader.Parse(Fixtures.DefaultPolicyJson("""{ "default": { "holidays": [] } }""").Replace("\"ladders\"", $"\"timings\": {{ \"lateInterestAnnualPercent\": {value} }}, \"ladders\"", StringComparison.Ordinal));

        Assert.Null(result.Policy);
        Assert.Contains($"timings.lateInterestAnnualPercent: must be null or a percentage above 0 and at most 100 (got {value})", result.Errors);
    }
}
