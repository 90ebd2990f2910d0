namespace Nqba.Server.Modules.Monitoring.Incidents;

public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}
