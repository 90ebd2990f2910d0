namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A call-back promised on a logged call: when (UTC), what, and the user who promised it (their agent takes it).</summary>
internal sealed record NewCallback(DateTime DueAt, string Note, Guid? AgentUserId);
