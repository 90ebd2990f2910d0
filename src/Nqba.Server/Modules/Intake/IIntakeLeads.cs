namespace Nqba.Server.Modules.Intake;

/// <summary>Intake's contract for other modules: the lead behind a prospect's assessment link.</summary>
public interface IIntakeLeads
{
    /// <summary>
    /// The lead an assessment link (the signed token the prospect holds) belongs to, with the contact details to
    /// prefill a booking and the recommended unit and meeting type; null when the link is invalid or expired.
    /// </summary>
    Task<LeadForBooking?> FindByAssessmentLinkAsync(string token, CancellationToken cancellationToken);
}

/// <summary>What a booking page needs of a lead: who, in which language, and what was recommended.</summary>
public sealed record LeadForBooking(Guid LeadId, string Name, string Email, string Language, string? UnitCode, string? MeetingType);
