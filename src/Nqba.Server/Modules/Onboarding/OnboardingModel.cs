namespace Nqba.Server.Modules.Onboarding;

/// <summary>The steps of a client's onboarding, in order; the API names each with its lower-case identifier.</summary>
public enum OnboardingStepKind
{
    /// <summary>The client signs the accepted proposal's contract.</summary>
    Contract,

    /// <summary>The first invoice is recorded as paid (no card data is kept).</summary>
    Payment,

    /// <summary>The client's users, roles and products are set up.</summary>
    Provisioning,

    /// <summary>The 90-minute onboarding call with the specialist.</summary>
    OnboardingCall,

    /// <summary>Role-based training sessions.</summary>
    Training,

    /// <summary>The client goes live; their tickets get raised priority for the go-live support period.</summary>
    GoLive,

    /// <summary>The first weeks' success check (usage, tickets, CSAT/NPS).</summary>
    SuccessMonitoring,
}

/// <summary>Where a step stands.</summary>
public enum OnboardingStepStatus
{
    Pending,
    Done,
}

/// <summary>Identifiers and the plan of the steps.</summary>
public static class OnboardingSteps
{
    /// <summary>The stable API identifier of a step: <c>contract</c>, <c>payment</c>, <c>provisioning</c>, <c>onboarding-call</c>, <c>training</c>, <c>go-live</c>, <c>success-monitoring</c>.</summary>
    public static string Id(OnboardingStepKind kind) => kind switch
    {
        OnboardingStepKind.OnboardingCall => "onboarding-call",
        OnboardingStepKind.GoLive => "go-live",
        OnboardingStepKind.SuccessMonitoring => "success-monitoring",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static OnboardingStepKind? Parse(string? id) =>
        Enum.GetValues<OnboardingStepKind>().Cast<OnboardingStepKind?>().FirstOrDefault(k => string.Equals(Id(k!.Value), id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>When each step is due after the deal is won: everything but the success check within the 4-day target.</summary>
    public static IReadOnlyList<(OnboardingStepKind Kind, TimeSpan Due)> Plan { get; } =
    [
        (OnboardingStepKind.Contract, TimeSpan.FromDays(1)),
        (OnboardingStepKind.Payment, TimeSpan.FromDays(2)),
        (OnboardingStepKind.Provisioning, TimeSpan.FromDays(2)),
        (OnboardingStepKind.OnboardingCall, TimeSpan.FromDays(3)),
        (OnboardingStepKind.Training, TimeSpan.FromDays(4)),
        (OnboardingStepKind.GoLive, TimeSpan.FromDays(4)),
        (OnboardingStepKind.SuccessMonitoring, TimeSpan.FromDays(30)),
    ];

    /// <summary>A person's name for a step.</summary>
    public static string Label(OnboardingStepKind kind) => kind switch
    {
        OnboardingStepKind.Contract => "Contract signed",
        OnboardingStepKind.Payment => "Payment recorded",
        OnboardingStepKind.Provisioning => "Accounts provisioned",
        OnboardingStepKind.OnboardingCall => "Onboarding call (90 min)",
        OnboardingStepKind.Training => "Role-based training",
        OnboardingStepKind.GoLive => "Go-live",
        _ => "Success monitoring",
    };
}

/// <summary>A client's onboarding, opened when their deal is won; live when the go-live step is done.</summary>
internal sealed class ClientOnboarding
{
    public Guid Id { get; set; }

    /// <summary>The client organization; one onboarding per organization.</summary>
    public Guid OrganizationId { get; set; }

    public Guid DealId { get; set; }

    /// <summary>The won deal's owner, who owns the steps unless a step names someone else.</summary>
    public Guid? OwnerId { get; set; }

    public string? UnitCode { get; set; }

    /// <summary>When the deal was won: the onboarding clock starts here.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When the go-live step was done.</summary>
    public DateTime? LiveAt { get; set; }

    public List<OnboardingStep> Steps { get; set; } = [];

    public List<OnboardingPayment> Payments { get; set; } = [];
}

/// <summary>One step: due date, status, who did it and the evidence they gave.</summary>
internal sealed class OnboardingStep
{
    public Guid Id { get; set; }

    public Guid OnboardingId { get; set; }

    public OnboardingStepKind Kind { get; set; }

    public DateTime DueAt { get; set; }

    public OnboardingStepStatus Status { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? Evidence { get; set; }

    /// <summary>The specialist (staff) who answers for the step; the onboarding's owner until someone reassigns it.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>When the overdue check told the owner the step is past due (once per due date).</summary>
    public DateTime? OverdueNotifiedAt { get; set; }

    /// <summary>When the overdue step was escalated beyond its owner (once per due date).</summary>
    public DateTime? EscalatedAt { get; set; }

    /// <summary>A concurrency token: a step is completed once.</summary>
    public int Version { get; set; }
}
