namespace Nqba.Server.Modules.Monitoring.Incidents;

public sealed record IncidentUpdateDto(IncidentStatus Status, string Message, DateTime At);
