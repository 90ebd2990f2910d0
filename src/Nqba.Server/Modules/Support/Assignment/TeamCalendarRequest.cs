namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>The business calendar (its code) a team's SLA clocks follow; null or empty: each ticket's region's.</summary>
public sealed record TeamCalendarRequest(string? Calendar);
