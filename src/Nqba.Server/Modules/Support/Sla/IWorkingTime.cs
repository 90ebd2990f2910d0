namespace Nqba.Server.Modules.Support.Sla;

/// <summary>How an SLA clock measures time: business hours of a region, or around the clock.</summary>
internal interface IWorkingTime
{
    /// <summary>Working time between two UTC instants (zero when <paramref name="end"/> is not after <paramref name="start"/>).</summary>
    TimeSpan Between(DateTime start, DateTime end);

    /// <summary>The UTC instant at which <paramref name="duration"/> of working time has passed after <paramref name="start"/>.</summary>
    DateTime Add(DateTime start, TimeSpan duration);
}
