namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// A client's onboarding: <c>state</c> is <c>in-progress</c> or <c>live</c>; <c>durationHours</c> runs from the won
/// deal to go-live (to now while in progress); <c>slowestStep</c> is the done step that took longest after the one
/// before it, or the most overdue open one; <c>payments</c> are the recorded invoices; <c>goLiveSupportUntil</c> is the end
/// of the raised ticket priority after go-live; <c>health</c> is the success health score (see <see cref="OnboardingHealth"/>);
/// <c>organizationName</c> is the client organization's name; <c>users</c> its provisioned client users; <c>training</c> the
/// scheduled training sessions with who attended.
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
    IReadOnlyList<OnboardingStepDto> Steps,
    IReadOnlyList<PaymentDto> Payments,
    DateTime? GoLiveSupportUntil,
    OnboardingHealth Health,
    string? OrganizationName,
    IReadOnlyList<Nqba.Server.Modules.Access.ProvisionedUser> Users,
    IReadOnlyList<TrainingSessionDto> Training)
{
    internal static OnboardingDto From(ClientOnboarding o, DateTime now, IReadOnlyDictionary<Guid, string> staffNames, int goLiveSupportDays, HealthInputs health, string? organizationName,
        IReadOnlyList<Nqba.Server.Modules.Access.ProvisionedUser> users, IEnumerable<TrainingSession> training)
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
            [.. steps.Select(s => new OnboardingStepDto(OnboardingSteps.Id(s.Kind), OnboardingSteps.Label(s.Kind), s.DueAt, s.Status == OnboardingStepStatus.Done ? "done" : s.DueAt < now ? "overdue" : "pending", s.CompletedAt, s.CompletedBy, s.Evidence,
                s.OwnerId ?? o.OwnerId, (s.OwnerId ?? o.OwnerId) is { } owner ? staffNames.GetValueOrDefault(owner) : null, s.OverdueNotifiedAt is not null, s.EscalatedAt is not null))],
            [.. o.Payments.OrderBy(p => p.RecordedAt).Select(p => new PaymentDto(p.Id, p.InvoiceNumber, p.Amount, p.Currency, OnboardingPayments.Id(p.Status), p.RecordedAt, p.UpdatedAt))],
            o.LiveAt is { } live && goLiveSupportDays > 0 ? live.AddDays(goLiveSupportDays) : null,
            OnboardingHealth.Of(health.Tickets, overdue.Count, health.Satisfaction, health.Usage), organizationName, users,
            [.. training.OrderBy(t => t.StartsAt).Select(TrainingSessionDto.From)]);
    }
}

/// <summary>
/// One step: <c>status</c> is <c>pending</c>, <c>overdue</c> or <c>done</c>; <c>ownerId</c> and <c>owner</c> name the
/// specialist who answers for it; <c>ownerNotified</c> and <c>escalated</c> say whether the overdue check has told the
/// owner and escalated it.
/// </summary>
public sealed record OnboardingStepDto(string Step, string Name, DateTime DueAt, string Status, DateTime? CompletedAt, string? CompletedBy, string? Evidence,
    Guid? OwnerId, string? Owner, bool OwnerNotified, bool Escalated);

/// <summary>A recorded invoice: <c>status</c> is <c>issued</c>, <c>paid</c> or <c>void</c>.</summary>
public sealed record PaymentDto(Guid Id, string InvoiceNumber, decimal Amount, string Currency, string Status, DateTime RecordedAt, DateTime UpdatedAt);

/// <summary>A step given to another specialist (<c>ownerId</c>) and/or due at another time (<c>dueAt</c>, UTC).</summary>
public sealed record AssignStepRequest(Guid? OwnerId, DateTime? DueAt);

/// <summary>An invoice to record: number, amount, currency (ISO 4217) and status (issued, the default, paid or void).</summary>
public sealed record RecordPaymentRequest(string? InvoiceNumber, decimal? Amount, string? Currency, string? Status);

/// <summary>An invoice's new status: <c>paid</c> or <c>void</c>.</summary>
public sealed record ChangePaymentStatusRequest(string? Status);

/// <summary>A step marked done, with what shows it.</summary>
public sealed record CompleteStepRequest(string? Evidence);

/// <summary>What the health score of one client is computed from, as the other modules report it (null: nothing to count).</summary>
internal sealed record HealthInputs(Nqba.Server.Modules.Support.OrganizationTicketLoad? Tickets, Nqba.Server.Modules.Support.OrganizationSatisfaction? Satisfaction, Nqba.Server.Modules.Access.ClientUsage? Usage);

/// <summary>One page of onboardings: <c>total</c> counts every onboarding, <c>page</c> starts at 1.</summary>
public sealed record OnboardingPage(IReadOnlyList<OnboardingDto> Items, int Page, int PageSize, int Total);

/// <summary>The client users to provision (e-mail, name, client role) and the language of their invitations (en, de, ja).</summary>
public sealed record ProvisionUsersRequest(IReadOnlyList<Nqba.Server.Modules.Access.ClientUserInvite>? Users, string? Language);

/// <summary>The provisioned users (<c>created</c> false: a member already) and the onboarding afterwards.</summary>
public sealed record ProvisioningResult(IReadOnlyList<Nqba.Server.Modules.Access.ProvisionedUser> Users, int Created, OnboardingDto Onboarding);

/// <summary>A training session for one client role: <c>attendees</c> are the ids of the users who attended.</summary>
public sealed record TrainingSessionDto(Guid Id, string Title, string Role, DateTime StartsAt, int DurationMinutes, IReadOnlyList<Guid> Attendees)
{
    internal static TrainingSessionDto From(TrainingSession s) =>
        new(s.Id, s.Title, s.Role, s.StartsAt, s.DurationMinutes, [.. s.Attendance.OrderBy(a => a.RecordedAt).Select(a => a.UserId)]);
}

/// <summary>A training session to schedule: title, client role, start (UTC) and duration in minutes.</summary>
public sealed record ScheduleTrainingRequest(string? Title, string? Role, DateTime? StartsAt, int? DurationMinutes);

/// <summary>The users (ids) who attended a training session.</summary>
public sealed record RecordAttendanceRequest(IReadOnlyList<Guid>? UserIds);
