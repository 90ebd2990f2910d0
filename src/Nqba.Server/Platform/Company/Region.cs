namespace Nqba.Server.Platform.Company;

/// <summary>A sales/support region: pointing at the business calendar (time zone, hours, holidays) its clocks follow.</summary>
internal sealed class Region
{
    public Guid Id { get; set; }

    /// <summary>e.g. <c>us-east</c>, <c>us-west</c>, <c>europe</c>, <c>apac</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The business calendar the region's clocks follow.</summary>
    public Guid CalendarId { get; set; }

    /// <summary>The data-residency zone whose database holds this region's clients' personal data: US, EU or APAC.</summary>
    public required string ResidencyZone { get; set; }
}
