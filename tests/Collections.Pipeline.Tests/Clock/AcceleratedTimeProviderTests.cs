using System.Globalization;
using Collections.Pipeline.Clock;

namespace Collections.Pipeline.Tests.Clock;

/// <summary>The one fast clock: what the API and ingest read, and the arithmetic the warped orchestration context uses.</summary>
public sealed class AcceleratedTimeProviderTests
{
    private static readonly DateTimeOffset RealStart = T("2026-12-02T01:00:00Z");
    private static readonly DateTimeOffset VirtualStart = T("2026-10-20T00:00:00Z");

    [Fact]
    public void GetUtcNow_OneRealMinuteAtADayPerMinute_OneVirtualDayLater()
    {
        var real = new ManualTimeProvider(RealStart);
        var clock = new AcceleratedTimeProvider(VirtualStart, 1440, real);

        var atStart = clock.GetUtcNow();
        real.MoveTo(RealStart.AddMinutes(1));

        Assert.Equal(VirtualStart, atStart);
        Assert.Equal(VirtualStart.AddDays(1), clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_BeforeTheRealStart_StandsStillAtTheVirtualStart()
    {
        var real = new ManualTimeProvider(RealStart);
        var clock = AcceleratedTimeProvider.DayLasts(RealStart.AddSeconds(30), VirtualStart, daySeconds: 60, real);

        Assert.Equal(VirtualStart, clock.GetUtcNow());
        Assert.Equal(VirtualStart, clock.ToVirtual(RealStart.AddDays(-3)));
        Assert.Equal(1440, clock.Speed);
    }

    [Fact]
    public void ToReal_OneVirtualDay_OneRealMinuteRoundedUp()
    {
        var clock = new AcceleratedTimeProvider(RealStart, VirtualStart, 1440);

        Assert.Equal(RealStart.AddMinutes(1).AddTicks(1), clock.ToReal(VirtualStart.AddDays(1)));
    }

    [Theory]
    [InlineData(1440d, 0L)]
    [InlineData(1440d, 1L)]
    [InlineData(1440d, 863_999_999_999L)]
    [InlineData(7d, 123_456_789L)]
    [InlineData(86_400d / 7, 999_999_999_999L)]
    public void ToReal_AnyVirtualInstant_ItsTimerNeverFiresBeforeIt(double speed, long virtualTicks)
    {
        var clock = new AcceleratedTimeProvider(RealStart, VirtualStart, speed);
        var due = VirtualStart.AddTicks(virtualTicks);

        Assert.True(clock.ToVirtual(clock.ToReal(due)) >= due, string.Create(CultureInfo.InvariantCulture, $"{clock.ToVirtual(clock.ToReal(due)):O} < {due:O}"));
    }

    [Fact]
    public void Constructor_SlowerThanRealTime_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(RealStart, VirtualStart, 0.5));
    }

    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
