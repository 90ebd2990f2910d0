namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>The captured lead and, when it was merged into an existing client, what matched (email or domain).</summary>
internal sealed record CapturedLead(Lead Lead, string? MatchedBy);
