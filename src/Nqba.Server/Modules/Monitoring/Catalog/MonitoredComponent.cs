namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>A service shown on the status page (a business unit's product, the API, the database…), with its availability target.</summary>
internal sealed class MonitoredComponent
{
    public Guid Id { get; set; }

    /// <summary>Stable short name used in URLs and badges, e.g. <c>nqba-api</c>.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>The business unit's code (<c>flyfox-ai</c>…), copied from the platform's company data.</summary>
    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    /// <summary>Availability target in percent, e.g. 99.97.</summary>
    public decimal TargetPercent { get; set; }

    public int SortOrder { get; set; }

    public ServiceState State { get; set; }

    public DateTime StateSince { get; set; }

    public DateTime CreatedAt { get; set; }
}
