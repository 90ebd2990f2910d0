namespace Nqba.Server.Modules.Onboarding.Notifications;

/// <summary>An overdue onboarding step, for its owner (or, escalated, for the managers).</summary>
public sealed record OverdueStepMailModel(Guid OrganizationId, string Client, string Step, string Owner, DateTime DueAt);
