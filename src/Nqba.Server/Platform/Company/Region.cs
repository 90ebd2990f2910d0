namespace Nqba.Server.Platform.Company;

/// <summary>A sales/support region: its time zone and business hours, shared by every clock in the product.</summary>
internal sealed class Region
{
    public Guid Id { get; set; }

    /// <summary>e.g. <c>us-east</c>, <c>us-west</c>, <c>europe</c>, <c>apac</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; set; }

    public TimeOnly OpensAt { get; set; }

    public TimeOnly ClosesAt { get; set; }

    /// <summary>Working days as ISO day numbers (1 = Monday … 7 = Sunday), comma separated.</summary>
    public required string WorkingDays { get; set; }

    /// <summary>The data-residency zone whose database holds this region's clients' personal data: US, EU or APAC.</summary>
    public required string ResidencyZone { get; set; }

    public List<RegionHoliday> Holidays { get; set; } = [];
}
