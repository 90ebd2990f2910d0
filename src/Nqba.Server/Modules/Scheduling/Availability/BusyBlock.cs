using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>Time a specialist is not free: a meeting (with its own buffer), time off or an external calendar event.</summary>
internal readonly record struct BusyBlock(Instant Start, Instant End, Duration Buffer);
