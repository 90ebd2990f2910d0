namespace Nqba.Server.Modules.Intake.Leads;

internal sealed record LeadDto(Guid Id, Guid ClientOrganizationId, string ContactName, string ContactEmail, LeadSource Source, LeadStatus Status, DateTime CapturedAt)
{
    public static LeadDto From(Lead l) => new(l.Id, l.ClientOrganizationId, l.ContactName, l.ContactEmail, l.Source, l.Status, l.CapturedAt);
}
