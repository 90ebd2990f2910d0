namespace Nqba.Server.Platform.Company;

/// <summary>An active specialist with what routing needs to know.</summary>
public sealed record SpecialistInfo(
    Guid Id,
    string DisplayName,
    string Email,
    string UnitCode,
    string RegionCode,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    int Capacity,
    int Seniority);
