namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A lead's SigmaEQ assessment: the answers under one questionnaire version and, once completed, its outcome.</summary>
internal sealed class LeadAssessment
{
    public Guid Id { get; set; }

    public Guid LeadId { get; set; }

    public Guid ClientOrganizationId { get; set; }

    /// <summary>The version the answers were given under; it never changes, so old answers keep their meaning.</summary>
    public int QuestionnaireVersion { get; set; }

    /// <summary>Question id → chosen option ids (JSON).</summary>
    public string AnswersJson { get; set; } = "{}";

    public AssessmentStatus Status { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int? Total { get; set; }

    public LeadTier? Tier { get; set; }

    public string? RecommendedUnit { get; set; }

    public string? RunnerUpUnit { get; set; }

    public string? MeetingType { get; set; }

    /// <summary>The full <see cref="AssessmentOutcome"/> (JSON), explanations included.</summary>
    public string? OutcomeJson { get; set; }

    public string? UnitOverride { get; set; }

    public string? MeetingTypeOverride { get; set; }

    public string? OverrideReason { get; set; }

    public string? OverriddenBy { get; set; }

    public DateTime? OverriddenAt { get; set; }

    public string? EffectiveUnit => UnitOverride ?? RecommendedUnit;

    public string? EffectiveMeetingType => MeetingTypeOverride ?? MeetingType;
}
