using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>
/// A specialist with their current open load, recent assignments, availability (0–1) over the next days, and whether
/// they are away now (an absent specialist has no free capacity).
/// </summary>
internal sealed record RoutingSpecialist(SpecialistInfo Info, int OpenLoad, int RecentAssigned, double Availability, bool Absent = false)
{
    public int FreeCapacity => Absent ? 0 : Math.Max(0, Info.Capacity - OpenLoad);
}
