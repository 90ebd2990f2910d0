using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Platform.Company;

/// <summary>Units, regions, business calendars and specialists read at one moment.</summary>
public sealed record CompanySnapshot(IReadOnlyList<UnitInfo> Units, IReadOnlyList<RegionInfo> Regions, IReadOnlyList<SpecialistInfo> Specialists, IReadOnlyList<CalendarInfo> Calendars)
{
    /// <summary>The business calendar with this code, or null.</summary>
    public CalendarInfo? Calendar(string? code) => Calendars.FirstOrDefault(c => c.Code == code);

    /// <summary>The region with this code, or null.</summary>
    public RegionInfo? Region(string? code) => Regions.FirstOrDefault(r => r.Code == code);

    /// <summary>The unit with this code, or null.</summary>
    public UnitInfo? Unit(string? code) => Units.FirstOrDefault(u => u.Code == code);
}
