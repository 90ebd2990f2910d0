using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>The <c>Onboarding</c> settings section.</summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>
    /// When each step is due, in hours after the deal was won (step identifier → hours). Steps not named keep
    /// <see cref="OnboardingSteps.Plan"/>'s offset.
    /// </summary>
    public Dictionary<string, int> DueHours { get; set; } = [];

    /// <summary>How many days after go-live the client's new tickets get raised priority (default 30; 0 turns it off).</summary>
    [Range(0, 365)]
    public int GoLiveSupportDays { get; set; } = 30;

    /// <summary>Hours after a step's owner was told it is overdue before the escalation addresses are told (default 24).</summary>
    [Range(1, 24 * 30)]
    public int EscalationHours { get; set; } = 24;

    /// <summary>Whom an overdue step escalates to (the owners' managers, the admins); none: the step's owner alone is told.</summary>
    public List<string> EscalationEmails { get; set; } = [];

    /// <summary>The Scheduling meeting type of the onboarding call (default the 90-minute <c>strategic-90</c>): booking one completes the step.</summary>
    [Required]
    public string OnboardingCallMeetingType { get; set; } = "strategic-90";

    /// <summary>Whether the overdue-step check runs (default true).</summary>
    public bool OverdueCheckEnabled { get; set; } = true;

    /// <summary>When the overdue-step check runs (Quartz cron, UTC; default every hour on the hour).</summary>
    [Required]
    public string OverdueCheckCron { get; set; } = "0 0 * * * ?";

    /// <summary>The due offset of a step: configured, or the plan's.</summary>
    public TimeSpan DueAfterWin(OnboardingStepKind kind) =>
        DueHours.TryGetValue(OnboardingSteps.Id(kind), out var hours) && hours > 0
            ? TimeSpan.FromHours(hours)
            : OnboardingSteps.Plan.Single(p => p.Kind == kind).Due;
}
