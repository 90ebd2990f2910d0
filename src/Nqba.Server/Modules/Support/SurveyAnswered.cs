using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>
/// A client answered a satisfaction survey: <paramref name="Kind"/> is <c>csat</c> (score 1–5, after a solved ticket)
/// or <c>nps</c> (score 0–10). No comment and no address: the KPIs need only the score.
/// </summary>
[EventName("support.survey-answered")]
public sealed record SurveyAnswered(Guid SurveyId, Guid? OrganizationId, Guid? TicketId, string Kind, int Score, DateTime At) : IDomainEvent;
