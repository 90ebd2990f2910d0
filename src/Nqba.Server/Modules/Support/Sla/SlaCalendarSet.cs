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

    /// <summary>The most specific policy for the channel and priority (priority beats channel); null when none matches.</summary>
    public SlaTargets Targets(TicketChannel channel, TicketPriority priority)
    {
        var policy = policies.Where(p => p.Matches(channel, priority)).OrderByDescending(p => p.Specificity).FirstOrDefault();
        return policy is null
            ? new SlaTargets("none", TimeSpan.MaxValue / 4, TimeSpan.MaxValue / 4, TimeSpan.MaxValue / 4, AroundTheClock: true)
            : new SlaTargets(policy.Name, policy.FirstResponse, policy.NextResponse, policy.Resolution, policy.AroundTheClock);
    }
}
