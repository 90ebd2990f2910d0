namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>
/// First-contact resolution, computed honestly: a ticket counts when its first solve came after exactly one agent
/// response and it was not reopened within seven days of that solve. Tickets solved less than seven days ago are
/// not decided yet and stay out of the rate; tickets solved without any agent response (duplicates, spam) too.
/// </summary>
internal static class FirstContactResolution
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    public static FcrFigures Compute(IEnumerable<FcrTicket> tickets, DateTime now)
    {
        int resolved = 0, notResolved = 0, pending = 0, noAgent = 0;
        foreach (var t in tickets)
        {
            var responses = t.AgentResponses.Count(r => r <= t.FirstSolvedAt);
            if (responses == 0)
            {
                noAgent++;
            }
            else if (t.Reopens.Any(r => r > t.FirstSolvedAt && r <= t.FirstSolvedAt + ReopenWindow) || responses > 1)
            {
                notResolved++;
            }
            else if (now < t.FirstSolvedAt + ReopenWindow)
            {
                pending++;
            }
            else
            {
                resolved++;
            }
        }

        var decided = resolved + notResolved;
        return new FcrFigures(decided == 0 ? null : Math.Round(100.0 * resolved / decided, 1), resolved, decided, pending, noAgent);
    }
}
