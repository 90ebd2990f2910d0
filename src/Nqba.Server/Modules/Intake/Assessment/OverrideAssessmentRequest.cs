using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A staff member's change of the recommended unit and/or meeting type, with the reason.</summary>
public sealed record OverrideAssessmentRequest(
    [MaxLength(40)] string? Unit,
    [MaxLength(40)] string? MeetingType,
    [Required, MinLength(3), MaxLength(1000)] string? Reason);
