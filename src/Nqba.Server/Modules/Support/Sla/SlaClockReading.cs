namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// One clock of a ticket, computed from its history: when the current cycle started, when it warns and falls due
/// (null while paused or stopped), whether it is paused, and — once stopped — whether the target was met.
/// </summary>
internal sealed record SlaClockReading(
    SlaClockKind Clock,
    DateTime? CycleStart,
    DateTime? WarnAt,
    DateTime? DueAt,
    bool Running,
    bool Paused,
    TimeSpan Consumed,
    DateTime? StoppedAt,
    bool Missed)
{
    /// <summary>Identifies the clock's cycle for "once per cycle" alerts (next response has one cycle per unanswered client message).</summary>
    public long CycleKey => Clock == SlaClockKind.NextResponse && CycleStart is { } start ? start.Ticks : 0;

    public static SlaClockReading Idle(SlaClockKind clock) => new(clock, null, null, null, false, false, TimeSpan.Zero, null, false);
}
