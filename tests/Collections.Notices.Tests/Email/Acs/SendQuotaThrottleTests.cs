using Collections.Notices.Email.Acs;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Email.Acs;

public sealed class SendQuotaThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 12, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reserve_WithinPerMinuteQuota_IsImmediate()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = new SendQuotaThrottle(30, 100, clock);

        var delays = Enumerable.Range(0, 30).Select(_ => throttle.Reserve()).ToList();

        Assert.All(delays, d => Assert.Equal(TimeSpan.Zero, d));
    }

    [Fact]
    public void Reserve_BeyondPerMinuteQuota_WaitsForTheWindowToSlide()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = new SendQuotaThrottle(30, 100, clock);
        for (var i = 0; i < 30; i++)
        {
            throttle.Reserve();
        }

        Assert.Equal(TimeSpan.FromMinutes(1), throttle.Reserve());
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(40), throttle.Reserve());
    }

    [Fact]
    public void Reserve_SpreadSends_ReachHourlyQuotaThenWaitAnHourFromTheFirst()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = new SendQuotaThrottle(30, 100, clock);

        // 100 sends in 30-per-minute bursts: slots at 0, 1, 2 and 3 minutes.
        var slots = Enumerable.Range(0, 100).Select(_ => throttle.Reserve()).ToList();
        var hundredAndFirst = throttle.Reserve();

        Assert.Equal(TimeSpan.Zero, slots[29]);
        Assert.Equal(TimeSpan.FromMinutes(1), slots[30]);
        Assert.Equal(TimeSpan.FromMinutes(3), slots[99]);
        Assert.Equal(TimeSpan.FromHours(1), hundredAndFirst);
    }

    [Fact]
    public void Reserve_AfterAnHourOfQuiet_IsImmediateAgain()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = new SendQuotaThrottle(2, 3, clock);
        throttle.Reserve();
        throttle.Reserve();
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.Reserve());
        Assert.Equal(TimeSpan.FromHours(1), throttle.Reserve());

        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.Zero, throttle.Reserve());
    }

    [Fact]
    public async Task WaitAsync_OverQuota_CompletesOnlyWhenTheFakeClockReachesTheSlot()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = new SendQuotaThrottle(1, 10, clock);
        await throttle.WaitAsync(CancellationToken.None);

        var waiting = throttle.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await waiting;
        Assert.True(waiting.IsCompletedSuccessfully);
    }
}
