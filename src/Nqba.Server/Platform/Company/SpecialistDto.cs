namespace Nqba.Server.Platform.Company;

/// <summary>A specialist as staff see them: unit, region, languages, skills, capacity and absence.</summary>
internal sealed record SpecialistDto(
    Guid Id,
    string DisplayName,
    string Email,
    Guid BusinessUnitId,
    Guid RegionId,
    string Languages,
    string Skills,
    int Capacity,
    int Seniority,
    bool Active,
    DateTime? AbsentUntil)
{
    public static SpecialistDto From(Specialist s) =>
        new(s.Id, s.DisplayName, s.Email, s.BusinessUnitId, s.RegionId, s.Languages, s.Skills, s.Capacity, s.Seniority, s.Active, s.AbsentUntil);
}
