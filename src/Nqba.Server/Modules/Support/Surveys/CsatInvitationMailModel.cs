namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>The CSAT invitation after a solved ticket; <paramref name="Link"/> is the signed survey link.</summary>
public sealed record CsatInvitationMailModel(long TicketNumber, string TicketSubject, string Link);
