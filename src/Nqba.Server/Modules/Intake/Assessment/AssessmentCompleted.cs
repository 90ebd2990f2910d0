using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake;

/// <summary>A lead finished the SigmaEQ assessment: scores, tier, unit (with runner-up) and meeting type.</summary>
public sealed record AssessmentCompleted(
    Guid LeadId,
    Guid? OrganizationId,
    Guid AssessmentId,
    int QuestionnaireVersion,
    int Total,
    LeadTier Tier,
    string RecommendedUnit,
    string? RunnerUpUnit,
    string MeetingType,
    DateTime CompletedAt) : IDomainEvent;
