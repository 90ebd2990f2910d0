using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Response;

namespace Nqba.Server.Modules.Intake.Leads;

internal sealed record LeadDto(
    Guid Id,
    Guid ClientOrganizationId,
    Guid? ContactId,
    string ContactName,
    string ContactEmail,
    string? CompanyName,
    string? RegionCode,
    string Language,
    LeadSource Source,
    LeadStatus Status,
    DateTime CapturedAt,
    DateTime? FirstTouchedAt,
    int? Score,
    LeadTier? Tier,
    string? UnitCode,
    string? MeetingType,
    Guid? SpecialistId,
    string? SpecialistName,
    DateTime? RoutedAt,
    DateTime? ResponseDueAt,
    DateTime? EscalatedAt,
    DateTime? BreachedAt,
    ResponseState ResponseState)
{
    public static LeadDto From(Lead l) => new(
        l.Id, l.ClientOrganizationId, l.ContactId, l.ContactName, l.ContactEmail, l.CompanyName, l.RegionCode, l.Language, l.Source, l.Status, l.CapturedAt, l.FirstTouchedAt,
        l.Score, l.Tier, l.UnitCode, l.MeetingType, l.SpecialistId, l.SpecialistName, l.RoutedAt, l.ResponseDueAt, l.EscalatedAt, l.BreachedAt, StateOf(l));

    /// <summary>The clock's state as last recorded (the watch records escalations and breaches as they happen).</summary>
    public static ResponseState StateOf(Lead l) =>
        l.FirstTouchedAt is { } touched
            ? (l.BreachedAt is null && (l.ResponseDueAt is null || touched <= l.ResponseDueAt) ? ResponseState.Met : ResponseState.MetLate)
            : l.BreachedAt is not null ? ResponseState.Breached
            : l.EscalatedAt is not null ? ResponseState.AtRisk
            : ResponseState.Running;
}
