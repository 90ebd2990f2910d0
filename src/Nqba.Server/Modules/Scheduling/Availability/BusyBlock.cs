using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// Time a specialist is not free: a meeting (with the buffers its type keeps before and after it), time off or an
/// external calendar event (no buffers of its own).
/// </summary>
internal readonly record struct BusyBlock(Instant Start, Instant End, Duration Before, Duration After)
{
    public BusyBlock(Instant start, Instant end)
        : this(start, end, Duration.Zero, Duration.Zero)
    {
    }
}
