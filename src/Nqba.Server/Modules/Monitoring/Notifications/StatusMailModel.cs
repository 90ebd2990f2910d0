namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>
/// A mail to a status-page subscriber: <paramref name="Name"/> is the component (state changes) or the incident's
/// title; <paramref name="From"/> and <paramref name="To"/> are set for state changes only.
/// </summary>
public sealed record StatusMailModel(StatusMailKind Kind, string Name, DateTime At, string UnsubscribeToken, ServiceState? From = null, ServiceState? To = null);
