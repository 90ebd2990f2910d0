namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>A prospect's first contact with the company, owned by one client organization.</summary>
internal sealed class Lead
{
    public Guid Id { get; set; }

    public Guid ClientOrganizationId { get; set; }

    public required string ContactName { get; set; }

    public required string ContactEmail { get; set; }

    public LeadSource Source { get; set; }

    public LeadStatus Status { get; set; }

    public string? Notes { get; set; }

    public DateTime CapturedAt { get; set; }
}
