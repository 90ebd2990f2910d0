using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Company;

/// <summary>A staff member prospects are routed to: unit, region, languages, skills and capacity.</summary>
internal sealed class Specialist : IOrganizationOwned
{
    public Guid Id { get; set; }

    /// <summary>The staff user account, when the specialist signs in.</summary>
    public Guid? UserId { get; set; }

    [Encrypted]
    public required string DisplayName { get; set; }

    [Encrypted]
    public required string Email { get; set; }

    /// <summary>Keyed hash of the normalized e-mail address: how a specialist is found by e-mail.</summary>
    public required string EmailHash { get; set; }

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

    /// <summary>Away (ill, on leave) until this instant (UTC): routing gives the specialist no new leads before it.</summary>
    public DateTime? AbsentUntil { get; set; }

    /// <summary>Staff data: encrypted under the platform's own key.</summary>
    public Guid? OwnerOrganizationId => null;
}
