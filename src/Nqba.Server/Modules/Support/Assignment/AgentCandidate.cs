namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>An agent as assignment sees them: who, what they can do, and how loaded they are.</summary>
internal sealed record AgentCandidate(Guid Id, IReadOnlyCollection<string> Languages, IReadOnlyCollection<string> Skills, string RegionCode, int Capacity, int OpenTickets, DateTime? LastAssignedAt);
