using Nqba.Server.Modules.Support;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// A client's success health, 0–100 (<c>band</c> healthy ≥ 75, watch ≥ 50, at-risk below):
/// 100 − 10 per open ticket (an urgent or emergency one counts twice; at most 40 off) − 15 per overdue step (at most 45
/// off). Open tickets are counted among the client's newest <see cref="TicketWindow"/>. CSAT/NPS and product usage are
/// not part of it: Support keeps no per-client satisfaction figure and no usage signal exists yet.
/// </summary>
public sealed record OnboardingHealth(int Score, string Band, int OpenTickets, int UrgentTickets, int OverdueSteps)
{
    /// <summary>How many of the client's newest tickets are looked at.</summary>
    public const int TicketWindow = 50;

    public static OnboardingHealth Of(IReadOnlyList<OrganizationTicket> tickets, int overdueSteps)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var open = tickets.Where(t => t.IsOpen).ToList();
        var urgent = open.Count(t => t.Priority >= TicketPriority.Urgent);
        var score = 100 - Math.Min(40, 10 * (open.Count + urgent)) - Math.Min(45, 15 * overdueSteps);
        return new(score, score >= 75 ? "healthy" : score >= 50 ? "watch" : "at-risk", open.Count, urgent, overdueSteps);
    }
}
