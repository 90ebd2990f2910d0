namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>What a status-page subscriber is told.</summary>
public enum StatusMailKind
{
    StateChanged,
    IncidentOpened,
    IncidentResolved,
}
