namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// The targets of the policy that applies to a ticket (null: that clock does not run), and how time is measured for
/// it: around the clock, or on the policy's business calendar (null: the team's or region's).
/// </summary>
internal sealed record SlaTargets(string PolicyName, TimeSpan? FirstResponse, TimeSpan? NextResponse, TimeSpan? Resolution, bool AroundTheClock, string? Calendar = null);
