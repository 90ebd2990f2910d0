namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>First-contact resolution: the rate (percent of decided tickets, null when none), and what was left out and why.</summary>
public sealed record FcrFigures(double? RatePercent, int ResolvedOnFirstContact, int Decided, int PendingReopenWindow, int SolvedWithoutAgentResponse);
