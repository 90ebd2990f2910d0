namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>Give the ticket to this agent, or (null) let assignment choose.</summary>
public sealed record AssignRequest(Guid? AgentId);
