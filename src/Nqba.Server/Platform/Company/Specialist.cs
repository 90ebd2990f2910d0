namespace Nqba.Server.Platform.Company;

/// <summary>A staff member prospects are routed to: unit, region, languages, skills and capacity.</summary>
internal sealed class Specialist
{
    public Guid Id { get; set; }

    /// <summary>The staff user account, when the specialist signs in.</summary>
    public Guid? UserId { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    public Guid BusinessUnitId { get; set; }

    public Guid RegionId { get; set; }

    /// <summary>BCP 47 language tags, comma separated (e.g. <c>en,de</c>).</summary>
    public required string Languages { get; set; }

    /// <summary>Skill tags, comma separated.</summary>
    public required string Skills { get; set; }

    /// <summary>How many open leads the specialist can carry.</summary>
    public int Capacity { get; set; }

    /// <summary>1 (junior) to 3 (senior).</summary>
    public int Seniority { get; set; }

    public bool Active { get; set; } = true;
}
