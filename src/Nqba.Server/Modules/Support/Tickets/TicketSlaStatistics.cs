namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// How a ticket did against its SLA, in the business time of its policy's calendar (Zammad's per-ticket figures):
/// business minutes from opening to the first agent response and to the solution (null while not reached; the
/// solution counts every solved stretch after reopens), and wall-clock minutes spent pending on the client.
/// </summary>
public sealed record TicketSlaStatistics(
    string Policy,
    double? BusinessMinutesToFirstResponse,
    double? BusinessMinutesToSolution,
    double MinutesPaused,
    bool FirstResponseMissed,
    bool SolutionMissed);
