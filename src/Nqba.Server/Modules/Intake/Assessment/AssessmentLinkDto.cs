namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A started assessment and the link that resumes it.</summary>
internal sealed record AssessmentLinkDto(Guid AssessmentId, string Token, string Url);
