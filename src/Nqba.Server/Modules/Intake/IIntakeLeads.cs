namespace Nqba.Server.Modules.Intake;

/// <summary>Intake's contract for other modules: the lead behind a prospect's assessment link.</summary>
public interface IIntakeLeads
{
    /// <summary>
    /// The lead an assessment link (the signed token the prospect holds) belongs to, with the contact details to
    /// prefill a booking and the recommended unit and meeting type; null when the link is invalid or expired.
    /// </summary>
    Task<LeadForBooking?> FindByAssessmentLinkAsync(string token, CancellationToken cancellationToken);

    /// <summary>Where a lead stands (company, unit, specialist, and when it was captured, assessed and routed); null when there is none.</summary>
    Task<LeadProgress?> FindProgressAsync(Guid leadId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> leads' progress after the first <paramref name="skip"/>, oldest first (for walking every lead).</summary>
    Task<IReadOnlyList<LeadProgress>> ListProgressAsync(int skip, int take, CancellationToken cancellationToken);
}

/// <summary>
/// Where a lead stands, for modules that follow it (the pipeline): no contact details, only the company, the routing
/// and the times. <paramref name="AssessedAt"/> is the first completed assessment's time.
/// </summary>
public sealed record LeadProgress(
    Guid LeadId,
    Guid OrganizationId,
    string? CompanyName,
    string? UnitCode,
    Guid? SpecialistId,
    DateTime CapturedAt,
    DateTime? AssessedAt,
    DateTime? RoutedAt);

/// <summary>What a booking page needs of a lead: who, in which language, and what was recommended.</summary>
public sealed record LeadForBooking(Guid LeadId, string Name, string Email, string Language, string? UnitCode, string? MeetingType);
