namespace Collections.Storage.Tests.Support;

/// <summary>A clock fixed at the signature vectors' date (Fri, 01 Mar 2024 12:00:00 GMT) unless told otherwise.</summary>
public sealed class FixedTimeProvider(DateTimeOffset? now = null) : TimeProvider
{
    public static readonly DateTimeOffset VectorDate = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now ?? VectorDate;
}
