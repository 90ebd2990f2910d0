namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// The working-time tables of every business calendar, which calendar each region and team follows, and the
/// policies, read at one moment, with a fingerprint of all of it.
/// </summary>
internal sealed class SlaCalendarSet(
    IReadOnlyDictionary<string, IWorkingTime> calendars,
    IReadOnlyDictionary<string, string> regionCalendars,
    IReadOnlyDictionary<Guid, string> teamCalendars,
    string defaultRegion,
    IReadOnlyList<SlaPolicy> policies,
    double warnShare,
    string fingerprint)
{
    /// <summary>Changes whenever a calendar, the calendar a region or team follows, or an SLA policy changes: open tickets are then recomputed.</summary>
    public string Fingerprint => fingerprint;

    public double WarnShare => warnShare;

    /// <summary>The working time of a region's calendar (the default region's for an unknown one; around the clock without any).</summary>
    public IWorkingTime For(string? regionCode) =>
        regionCode is not null && regionCalendars.TryGetValue(regionCode, out var code) && calendars.TryGetValue(code, out var time) ? time
        : regionCalendars.TryGetValue(defaultRegion, out var fallbackCode) && calendars.TryGetValue(fallbackCode, out var fallback) ? fallback
        : AroundTheClock.Instance;

    /// <summary>
    /// The working time a ticket's clocks follow: its policy's calendar, else its team's, else its region's (a
    /// calendar named but since deleted falls through to the next).
    /// </summary>
    public IWorkingTime For(SlaTargets targets, Guid? teamId, string? regionCode) =>
        targets.Calendar is { } policyCalendar && calendars.TryGetValue(policyCalendar, out var byPolicy) ? byPolicy
        : teamId is { } team && teamCalendars.TryGetValue(team, out var teamCode) && calendars.TryGetValue(teamCode, out var byTeam) ? byTeam
        : For(regionCode);

    /// <summary>
    /// The most specific policy whose conditions the ticket meets (the first listed among equals); when none
    /// matches, no clock runs.
    /// </summary>
    public SlaTargets Targets(SlaSubject ticket)
    {
        var policy = policies.Where(p => p.Matches(ticket)).OrderByDescending(p => p.Specificity).FirstOrDefault();
        return policy is null
            ? new SlaTargets("none", null, null, null, AroundTheClock: true)
            : new SlaTargets(policy.Name, policy.FirstResponse, policy.NextResponse, policy.Resolution, policy.AroundTheClock, policy.Calendar);
    }
}
