using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>A specialist with their current open load, recent assignments and availability (0–1) over the next days.</summary>
internal sealed record RoutingSpecialist(SpecialistInfo Info, int OpenLoad, int RecentAssigned, double Availability)
{
    public int FreeCapacity => Math.Max(0, Info.Capacity - OpenLoad);
}
