using System.Globalization;
using Collections.Host.Hosting;
using Collections.Pipeline.Clock;
using Microsoft.DurableTask;
using Moq;

namespace Collections.Host.Tests.Hosting;

/// <summary>The orchestrations of a fast local host (Clock:Speed, the demo) see the very clock the API and ingest read.</summary>
public sealed class WarpedOrchestrationContextTests
{
    private static readonly DateTimeOffset RealStart = T("2026-12-02T01:00:00Z");
    private static readonly DateTimeOffset VirtualStart = T("2026-10-20T00:00:00Z");

    [Fact]
    public void CurrentUtcDateTime_ReplayedRealInstant_IsWhatTheApiClockShowsThen()
    {
        var real = new ManualTimeProvider(RealStart);
        var clock = new AcceleratedTimeProvider(VirtualStart, 1440, real);
        var inner = new Mock<TaskOrchestrationContext>();
        inner.SetupGet(c => c.CurrentUtcDateTime).Returns(RealStart.AddMinutes(3).UtcDateTime);
        var context = new WarpedOrchestrationContext(inner.Object, clock);

        real.MoveTo(RealStart.AddMinutes(3));

        Assert.Equal(clock.GetUtcNow().UtcDateTime, context.CurrentUtcDateTime);
        Assert.Equal(VirtualStart.AddDays(3).UtcDateTime, context.CurrentUtcDateTime);
        Assert.Equal(DateTimeKind.Utc, context.CurrentUtcDateTime.Kind);
    }

    [Fact]
    public async Task CreateTimer_VirtualInstant_DurableTimerAtItsRealInstant()
    {
        var clock = new AcceleratedTimeProvider(RealStart, VirtualStart, 1440);
        var inner = new Mock<TaskOrchestrationContext>();
        DateTime? requested = null;
        inner.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback((DateTime at, CancellationToken _) => requested = at)
            .Returns(Task.CompletedTask);
        var context = new WarpedOrchestrationContext(inner.Object, clock);

        await context.CreateTimer(VirtualStart.AddDays(2).UtcDateTime, CancellationToken.None);

        Assert.Equal(RealStart.AddMinutes(2).AddTicks(1).UtcDateTime, requested);
    }

    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
