namespace Nqba.Server.Platform.Company;

/// <summary>An active specialist with what routing needs to know, and until when they are away (when they are).</summary>
public sealed record SpecialistInfo(
    Guid Id,
    string DisplayName,
    string Email,
    string UnitCode,
    string RegionCode,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    int Capacity,
    int Seniority,
    DateTime? AbsentUntil = null)
{
    /// <summary>Whether the specialist is away at <paramref name="now"/> (routing skips them).</summary>
    public bool IsAbsentAt(DateTimeOffset now) => AbsentUntil is { } until && until > now.UtcDateTime;
}
