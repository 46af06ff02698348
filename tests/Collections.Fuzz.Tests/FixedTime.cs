namespace Collections.Fuzz.Tests;

/// <summary>A clock standing still at one instant: fuzz runs must not depend on when they run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
