namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// A client's onboarding: <c>state</c> is <c>in-progress</c> or <c>live</c>; <c>durationHours</c> runs from the won
/// deal to go-live (to now while in progress); <c>slowestStep</c> is the done step that took longest after the one
/// before it, or the most overdue open one.
/// </summary>
public sealed record OnboardingDto(
    Guid Id,
    Guid OrganizationId,
    Guid DealId,
    Guid? OwnerId,
    string? UnitCode,
    DateTime StartedAt,
    DateTime? LiveAt,
    string State,
    double DurationHours,
    string? SlowestStep,
    int Overdue,
    IReadOnlyList<OnboardingStepDto> Steps)
{
    internal static OnboardingDto From(ClientOnboarding o, DateTime now)
    {
        var steps = o.Steps.OrderBy(s => s.Kind).ToList();
        var end = o.LiveAt ?? now;
        string? slowest = null;
        var overdue = steps.Where(s => s.Status == OnboardingStepStatus.Pending && s.DueAt < now).OrderBy(s => s.DueAt).ToList();
        if (overdue.Count > 0)
        {
            slowest = OnboardingSteps.Id(overdue[0].Kind);
        }
        else
        {
            var done = steps.Where(s => s.CompletedAt is not null).OrderBy(s => s.CompletedAt).ToList();
            var previous = o.StartedAt;
            var longest = TimeSpan.MinValue;
            foreach (var s in done)
            {
                if (s.CompletedAt!.Value - previous > longest)
                {
                    longest = s.CompletedAt.Value - previous;
                    slowest = OnboardingSteps.Id(s.Kind);
                }

                previous = s.CompletedAt.Value;
            }
        }

        return new(o.Id, o.OrganizationId, o.DealId, o.OwnerId, o.UnitCode, o.StartedAt, o.LiveAt, o.LiveAt is null ? "in-progress" : "live",
            Math.Round((end - o.StartedAt).TotalHours, 2), slowest, overdue.Count,
            [.. steps.Select(s => new OnboardingStepDto(OnboardingSteps.Id(s.Kind), OnboardingSteps.Label(s.Kind), s.DueAt, s.Status == OnboardingStepStatus.Done ? "done" : s.DueAt < now ? "overdue" : "pending", s.CompletedAt, s.CompletedBy, s.Evidence))]);
    }
}

/// <summary>One step: <c>status</c> is <c>pending</c>, <c>overdue</c> or <c>done</c>.</summary>
public sealed record OnboardingStepDto(string Step, string Name, DateTime DueAt, string Status, DateTime? CompletedAt, string? CompletedBy, string? Evidence);

/// <summary>A step marked done, with what shows it.</summary>
public sealed record CompleteStepRequest(string? Evidence);
