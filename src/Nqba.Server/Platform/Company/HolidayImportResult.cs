namespace Nqba.Server.Platform.Company;

/// <summary>What an import did: holidays added, existing dates renamed or left alone, and the region's holidays in the imported years.</summary>
internal sealed record HolidayImportResult(string RegionCode, int FirstYear, int LastYear, int Added, int Updated, int Unchanged, List<HolidayDto> Holidays);
