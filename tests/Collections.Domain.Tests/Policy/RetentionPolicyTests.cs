using Collections.Domain.Policy;

namespace Collections.Domain.Tests.Policy;

public sealed class RetentionPolicyTests
{
    private const string Ladders = """
        "ladders": {
          "A": { "steps": { "Reminder": 3 } }, "B": { "steps": { "Reminder": 1 } },
          "C": { "steps": { "Reminder": 1 } }, "D": { "steps": { "Demand": 1 } }
        }
        """;

    [Fact]
    public void Default_Retention_IsSevenYears()
    {
        Assert.Equal(RetentionPeriod.OfYears(7), DunningPolicy.Default.Retention);
        Assert.Equal(RetentionPeriod.OfYears(7), Parse("").Retention);
    }

    [Theory]
    [InlineData("""{ "years": 10 }""", 10, 0)]
    [InlineData("""{ "days": 400 }""", 0, 400)]
    [InlineData("""{ "years": 1, "description": "one year" }""", 1, 0)]
    public void Parse_Retention_YearsOrDays(string retention, int years, int days)
    {
        var policy = Parse($"\"retention\": {retention},");

        Assert.Equal(years, policy.Retention.Years);
        Assert.Equal(days, policy.Retention.Days);
    }

    [Theory]
    [InlineData("""{ "years": 0 }""", "retention.years: must be a whole number from 1 to 100 (got 0)")]
    [InlineData("""{ "days": 36501 }""", "retention.days: must be a whole number from 1 to 36500 (got 36501)")]
    [InlineData("""{ "years": "7" }""", "retention.years: must be a whole number from 1 to 100 (got \"7\")")]
    [InlineData("""{ "years": 7, "days": 10 }""", "retention: must be an object with exactly one of \"years\" (1 to 100) or \"days\" (1 to 36500), for example { \"years\": 7 }")]
    [InlineData("""{ }""", "retention: must be an object with exactly one of \"years\" (1 to 100) or \"days\" (1 to 36500), for example { \"years\": 7 }")]
    [InlineData("7", "retention: must be an object with exactly one of \"years\" (1 to 100) or \"days\" (1 to 36500), for example { \"years\": 7 } (got 7)")]
    public void Parse_InvalidRetention_NamesTheProblem(string retention, string expected)
    {
        var result = PolicyLoader.Parse($"{{ \"retention\": {retention}, {Ladders} }}");

        Assert.False(result.IsValid);
        Assert.Equal([expected], result.Errors);
    }

    [Fact]
    public void Parse_UnknownRetentionSetting_IsReported()
    {
        var result = PolicyLoader.Parse($"{{ \"retention\": {{ \"years\": 7, \"months\": 3 }}, {Ladders} }}");

        Assert.Equal(["retention.months: unknown setting (known: years, days, description)"], result.Errors);
    }

    [Theory]
    [InlineData(7, 0, "2033-03-01T00:00:00Z", "2026-03-01T00:00:00Z")]
    [InlineData(1, 0, "2028-02-29T12:00:00Z", "2027-02-28T12:00:00Z")]
    [InlineData(0, 30, "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z")]
    public void Before_CalendarPeriod_CountsBackFromNow(int years, int days, string now, string expected)
    {
        var period = years > 0 ? RetentionPeriod.OfYears(years) : RetentionPeriod.OfDays(days);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), period.Before(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static DunningPolicy Parse(string retention)
    {
        var result = PolicyLoader.Parse($"{{ {retention} {Ladders} }}");
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Policy!;
    }
}
