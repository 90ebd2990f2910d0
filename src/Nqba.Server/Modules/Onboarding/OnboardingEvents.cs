using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>A client's onboarding began (their deal was won).</summary>
[EventName("onboarding.started")]
public sealed record OnboardingStarted(Guid OnboardingId, Guid? OrganizationId, Guid DealId, DateTime At) : IDomainEvent;

/// <summary>An onboarding step was done, with how long after the start.</summary>
[EventName("onboarding.step-completed")]
public sealed record OnboardingStepCompleted(Guid OnboardingId, Guid? OrganizationId, string Step, double HoursFromStart, DateTime At) : IDomainEvent;

/// <summary>The client went live: the onboarding's duration is known.</summary>
[EventName("onboarding.live")]
public sealed record ClientWentLive(Guid OnboardingId, Guid? OrganizationId, double DurationHours, DateTime At) : IDomainEvent;

/// <summary>An open step passed its due date: its owner is told (once per due date).</summary>
[EventName("onboarding.step-overdue")]
public sealed record OnboardingStepOverdue(Guid OnboardingId, Guid? OrganizationId, string Step, Guid? OwnerId, DateTime DueAt, DateTime At) : IDomainEvent;

/// <summary>An overdue step stayed open <see cref="OnboardingOptions.EscalationHours"/> after its owner was told: it escalates.</summary>
[EventName("onboarding.step-escalated")]
public sealed record OnboardingStepEscalated(Guid OnboardingId, Guid? OrganizationId, string Step, Guid? OwnerId, Guid? OnboardingOwnerId, DateTime DueAt, DateTime At) : IDomainEvent;
