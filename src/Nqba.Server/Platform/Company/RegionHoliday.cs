namespace Nqba.Server.Platform.Company;

/// <summary>A day a region's business calendar is closed.</summary>
internal sealed class RegionHoliday
{
    public Guid Id { get; set; }

    public Guid RegionId { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}
