namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>Staff's message about an incident to the affected clients' contacts.</summary>
public sealed record IncidentUpdateMailModel(string Title, IncidentStatus Status, DateTime OpenedAt, string Message);
