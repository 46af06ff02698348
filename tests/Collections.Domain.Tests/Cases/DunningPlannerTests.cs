using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Cases;

/// <summary>The first step the default policy sends for one snapshot: table-driven across zones, grades and calendars.</summary>
public sealed class DunningPlannerTests
{
    [Theory]
    // Grade B, due 2026-06-01 (Mon), as of Fri 2026-06-12: 11 days overdue; Reminder (+1) is past, Demand (+15) not yet.
    [InlineData("Europe/London", "B", "2026-06-01", "2026-06-12", "Reminder@2026-06-12T09:00+01:00")]
    [InlineData("Asia/Shanghai", "B", "2026-06-01", "2026-06-12", "Reminder@2026-06-12T09:00+08:00")]
    // 00:00 UTC is 20:00 the evening before in New York, after the window: next morning.
    [InlineData("America/New_York", "B", "2026-06-01", "2026-06-12", "Reminder@2026-06-12T09:00-04:00")]
    // The example: 44 days overdue, grade B -> FinalNotice (+30) by catch-up, 09:00 in a +02:00 zone.
    [InlineData("Europe/Berlin", "B", "2026-04-29", "2026-06-12", "FinalNotice@2026-06-12T09:00+02:00")]
    // As of a Saturday: Monday's window opening.
    [InlineData("Europe/London", "B", "2026-06-01", "2026-06-13", "Reminder@2026-06-15T09:00+01:00")]
    // Grades at 11 days overdue: A Reminder(+3); C Demand(+10); D FinalNotice(+10).
    [InlineData("Europe/London", "A", "2026-06-01", "2026-06-12", "Reminder@2026-06-12T09:00+01:00")]
    [InlineData("Europe/London", "C", "2026-06-01", "2026-06-12", "Demand@2026-06-12T09:00+01:00")]
    [InlineData("Europe/London", "D", "2026-06-01", "2026-06-12", "FinalNotice@2026-06-12T09:00+01:00")]
    // 70 days: Escalation (+60) is past but no final notice was sent, so the final notice goes now.
    [InlineData("Europe/London", "B", "2026-04-03", "2026-06-12", "FinalNotice@2026-06-12T09:00+01:00")]
    // Nothing overdue, due Sat 2026-06-20: pre-due 5 days before, Mon 2026-06-15.
    [InlineData("Europe/London", "B", "2026-06-20", "2026-06-10", "PreDue@2026-06-15T09:00+01:00")]
    // Pre-due day already past but the due date is not: send now (at the window opening).
    [InlineData("Asia/Shanghai", "B", "2026-06-12", "2026-06-10", "PreDue@2026-06-10T09:00+08:00")]
    // Due today: not overdue; the pre-due notice still goes out in today's window.
    [InlineData("Asia/Shanghai", "B", "2026-06-12", "2026-06-12", "PreDue@2026-06-12T09:00+08:00")]
    public void FirstStep_TableOfCases(string zone, string grade, string due, string asOf, string expected)
    {
        var account = Account(Contact(zone, Enum.Parse<CreditGrade>(grade)), Inv("I1", due, 1000m));
        var step = DunningPlanner.FirstStep(account, D(asOf), DunningPolicy.Default);

        Assert.NotNull(step);
        Assert.Equal(expected, $"{step.Stage}@{step.At:yyyy-MM-dd'T'HH:mmzzz}");
    }

    [Fact]
    public void FirstStep_CreditOnlyAccount_Null()
    {
        var account = Account(Contact(), Credit("CN1", "2026-05-01", -200m));
        Assert.Null(DunningPlanner.FirstStep(account, D("2026-06-12"), DunningPolicy.Default));
    }

    [Fact]
    public void FirstStep_PolicyHoliday_MovesToNextBusinessDay()
    {
        var policy = ParsePolicy(DefaultPolicyJson("""{ "default": { "holidays": ["2026-06-12"] } }"""));
        var step = DunningPlanner.FirstStep(Account(Contact(), Inv("I1", "2026-06-01", 10m)), D("2026-06-12"), policy);

        Assert.Equal(new PlannedStep(CaseStage.Reminder, T("2026-06-15T09:00:00+01:00")), step);
    }

    [Fact]
    public void FirstStep_CountryExtraWorkingDay_FiresOnThatSaturday()
    {
        // China moves a working day onto Saturday 2026-06-13; a GB debtor on the default calendar waits for Monday.
        var policy = ParsePolicy(DefaultPolicyJson("""{ "CN": { "extraWorkingDays": ["2026-06-13"] } }"""));

        var cn = DunningPlanner.FirstStep(Account(Contact("Asia/Shanghai", country: "CN"), Inv("I1", "2026-06-01", 10m)), D("2026-06-13"), policy);
        var gb = DunningPlanner.FirstStep(Account(Contact("Europe/London", country: "GB"), Inv("I1", "2026-06-01", 10m)), D("2026-06-13"), policy);

        Assert.Equal(T("2026-06-13T09:00:00+08:00"), cn!.At);
        Assert.Equal(T("2026-06-15T09:00:00+01:00"), gb!.At);
    }
}
