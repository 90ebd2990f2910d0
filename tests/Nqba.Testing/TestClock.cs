namespace Nqba.Testing;

/// <summary>
/// The test server's clock: the real time moved forward by whatever a test has asked for with <see cref="Advance"/>.
/// Every service reads time from the host's <see cref="TimeProvider"/>, so advancing this makes a reminder, an SLA
/// deadline or a retention period due without waiting; <see cref="NqbaFactory.RunDueJobsAsync"/> then runs the work due.
/// It never stands still and never goes back, because sign-in codes, Quartz's own triggers and the order of rows written
/// one after another still follow the real clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the real time this clock is.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/> (not backwards: time in the product only moves on).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
