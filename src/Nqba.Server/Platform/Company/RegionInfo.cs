using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Platform.Company;

/// <summary>A region and the business calendar it follows.</summary>
public sealed record RegionInfo(Guid Id, string Code, string Name, string ResidencyZone, string CalendarCode, BusinessHours Hours)
{
    /// <summary>The region's business calendar.</summary>
    public BusinessCalendar Calendar() => new(Hours);
}
