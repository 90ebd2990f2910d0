namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>What FCR needs of one solved ticket: its first solve, its public agent responses and its reopens.</summary>
internal sealed record FcrTicket(DateTime FirstSolvedAt, IReadOnlyList<DateTime> AgentResponses, IReadOnlyList<DateTime> Reopens);
