using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Support;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// A client's success health, 0–100 (<c>band</c> healthy ≥ 75, watch ≥ 50, at-risk below): 100 minus five penalties,
/// each rounded half away from zero to a whole number, the result kept within 0–100:
/// <list type="bullet">
/// <item><b>tickets</b>: 10 per open ticket, an urgent or emergency one counting twice, at most 40;</item>
/// <item><b>overdue steps</b>: 15 per overdue onboarding step, at most 45;</item>
/// <item><b>CSAT</b>: (5 − the average CSAT answer, 1–5, of the last <see cref="SatisfactionDays"/> days) × 5, so at most 20;</item>
/// <item><b>NPS</b>: (100 − the NPS, −100…100, of the answers of the last <see cref="SatisfactionDays"/> days) ÷ 20, so at most 10;</item>
/// <item><b>usage</b>: (1 − the share of the client's users who signed in within the last <see cref="UsageDays"/> days) × 20.</item>
/// </list>
/// A part with nothing to measure (no survey answered, no user provisioned yet) takes nothing off. Example: one open
/// ticket (10), one overdue step (15), CSAT 4.0 (5), NPS 50 (2.5, so 3), one of four users active (15): 100 − 48 = 52, watch.
/// </summary>
public sealed record OnboardingHealth(
    int Score,
    string Band,
    int OpenTickets,
    int UrgentTickets,
    int OverdueSteps,
    double? CsatAverage,
    int CsatResponses,
    int? Nps,
    int NpsResponses,
    int Users,
    int ActiveUsers,
    double? UsageShare,
    HealthPenalties Penalties)
{
    /// <summary>How many days of survey answers the CSAT and NPS parts look at.</summary>
    public const int SatisfactionDays = 90;

    /// <summary>How many days back a sign-in counts as use of the product.</summary>
    public const int UsageDays = 30;

    public static OnboardingHealth Of(OrganizationTicketLoad? tickets, int overdueSteps, OrganizationSatisfaction? satisfaction, ClientUsage? usage)
    {
        var open = tickets?.Open ?? 0;
        var urgent = tickets?.Urgent ?? 0;
        var share = usage is { Users: > 0 } u ? Math.Round((double)u.ActiveUsers / u.Users, 4) : (double?)null;
        var penalties = new HealthPenalties(
            Math.Min(40, 10 * (open + urgent)),
            Math.Min(45, 15 * overdueSteps),
            satisfaction?.CsatAverage is { } csat ? Whole((5 - csat) * 5) : 0,
            satisfaction?.Nps is { } nps ? Whole((100 - nps) / 20.0) : 0,
            share is { } s ? Whole((1 - s) * 20) : 0);
        var score = Math.Clamp(100 - penalties.Total, 0, 100);
        return new(score, score >= 75 ? "healthy" : score >= 50 ? "watch" : "at-risk", open, urgent, overdueSteps,
            satisfaction?.CsatAverage, satisfaction?.CsatResponses ?? 0, satisfaction?.Nps, satisfaction?.NpsResponses ?? 0,
            usage?.Users ?? 0, usage?.ActiveUsers ?? 0, share, penalties);
    }

    private static int Whole(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}

/// <summary>The points each part of the health score takes off (see <see cref="OnboardingHealth"/>).</summary>
public sealed record HealthPenalties(int Tickets, int OverdueSteps, int Csat, int Nps, int Usage)
{
    public int Total => Tickets + OverdueSteps + Csat + Nps + Usage;
}
