namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>A support team: its lead (notified on escalation) and its on-call rotation.</summary>
internal sealed class SupportTeam
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? LeadEmail { get; set; }

    /// <summary>Agent ids in rotation order, comma separated.</summary>
    public string OnCallRotation { get; set; } = string.Empty;

    /// <summary>When the first agent of the rotation went on call.</summary>
    public DateTime RotationStart { get; set; }

    /// <summary>Length of one on-call shift.</summary>
    public int ShiftHours { get; set; } = 168;

    /// <summary>The business calendar (its code) the team's ticket clocks follow; null: each ticket's region's.</summary>
    public string? CalendarCode { get; set; }

    /// <summary>Tickets go here when nothing else says which team.</summary>
    public bool IsDefault { get; set; }
}
