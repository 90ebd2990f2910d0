namespace Nqba.Server.Modules.Monitoring.Incidents;

public sealed record IncidentTicketDto(Guid TicketId, Guid OrganizationId, DateTime LinkedAt);
