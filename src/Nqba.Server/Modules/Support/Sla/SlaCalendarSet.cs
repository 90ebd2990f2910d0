namespace Nqba.Server.Modules.Support.Sla;

/// <summary>The working-time tables of every region and the policies, read at one moment, with a fingerprint of both.</summary>
internal sealed class SlaCalendarSet(IReadOnlyDictionary<string, IWorkingTime> regions, string defaultRegion, IReadOnlyList<SlaPolicy> policies, double warnShare, string fingerprint)
{
    /// <summary>Changes whenever a region's hours or holidays or an SLA policy change: open tickets are then recomputed.</summary>
    public string Fingerprint => fingerprint;

    public double WarnShare => warnShare;

    public IWorkingTime For(string? regionCode) =>
        regionCode is not null && regions.TryGetValue(regionCode, out var time) ? time
        : regions.TryGetValue(defaultRegion, out var fallback) ? fallback
        : AroundTheClock.Instance;

    /// <summary>
    /// The most specific policy whose conditions the ticket meets (the first listed among equals); when none
    /// matches, no clock runs.
    /// </summary>
    public SlaTargets Targets(SlaSubject ticket)
    {
        var policy = policies.Where(p => p.Matches(ticket)).OrderByDescending(p => p.Specificity).FirstOrDefault();
        return policy is null
            ? new SlaTargets("none", null, null, null, AroundTheClock: true)
            : new SlaTargets(policy.Name, policy.FirstResponse, policy.NextResponse, policy.Resolution, policy.AroundTheClock);
    }
}
