namespace Nqba.Server.Modules.Support.Sla;

/// <summary>A live chat waiting too long for an agent, to the default team's lead or (<paramref name="Page"/>) the person on call.</summary>
public sealed record SlaChatAlertMailModel(bool Breach, bool Page, Guid ConversationId, string RegionCode, string Language, DateTime? WaitingSince, DateTime DueAt);
