namespace Nqba.Server.Modules.Support.Assignment;

public sealed record AgentDto(Guid Id, Guid? UserId, Guid TeamId, string Name, string Email, string Languages, string Skills, string RegionCode, int Capacity, bool Available, int OpenTickets);
