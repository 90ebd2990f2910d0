namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>Who hosts a meeting booked for a business unit (Cal.com's team event kinds).</summary>
public enum HostAssignment
{
    /// <summary>One of the unit's specialists: the least recently booked of those free at the time.</summary>
    RoundRobin,

    /// <summary>All of the unit's specialists together: a time is offered only when every one of them is free.</summary>
    Collective,
}
