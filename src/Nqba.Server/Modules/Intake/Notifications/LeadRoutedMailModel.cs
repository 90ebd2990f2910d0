namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>A routed lead, for its specialist; <paramref name="TargetMinutes"/> is <c>Intake:ResponseTargetMinutes</c>.</summary>
public sealed record LeadRoutedMailModel(Guid LeadId, string UnitCode, DateTime RoutedAt, string Method, string Reason, int TargetMinutes);
