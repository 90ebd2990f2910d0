namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>
/// Chooses an agent for a ticket among available agents of its team: those with every skill the ticket needs
/// and its language, preferring its region, then the lowest load relative to capacity; equal loads go to the one
/// who waited longest since their last ticket (weighted round-robin). Agents at capacity get nothing.
/// </summary>
internal static class AgentChoice
{
    public static Guid? Choose(IEnumerable<AgentCandidate> candidates, IReadOnlyCollection<string> skills, string language, string regionCode, Guid? exclude = null)
    {
        var eligible = candidates
            .Where(a => a.Id != exclude && a.OpenTickets < a.Capacity)
            .Where(a => skills.All(s => a.Skills.Contains(s, StringComparer.OrdinalIgnoreCase)))
            .ToList();

        // Language is a must when someone speaks it; otherwise the ticket still goes to somebody of the team.
        var speakers = eligible.Where(a => a.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)).ToList();
        var pool = speakers.Count > 0 ? speakers : eligible;
        return pool
            .OrderBy(a => string.Equals(a.RegionCode, regionCode, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(a => (double)a.OpenTickets / a.Capacity)
            .ThenBy(a => a.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(a => a.Id)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefault();
    }

    public static IReadOnlyCollection<string> Tags(string csv) =>
        [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant())];
}
