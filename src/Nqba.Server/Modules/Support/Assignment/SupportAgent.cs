using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>A support agent: team, skills, languages, region, capacity and whether they take tickets now.</summary>
internal sealed class SupportAgent : IOrganizationOwned
{
    public Guid Id { get; set; }

    /// <summary>The staff user account (an agent sets their own availability).</summary>
    public Guid? UserId { get; set; }

    public Guid TeamId { get; set; }

    [Encrypted]
    public required string Name { get; set; }

    [Encrypted]
    public required string Email { get; set; }

    /// <summary>Language tags, comma separated (en,de).</summary>
    public string Languages { get; set; } = "en";

    /// <summary>Skill tags, comma separated.</summary>
    public string Skills { get; set; } = string.Empty;

    public required string RegionCode { get; set; }

    /// <summary>How many open tickets the agent can carry.</summary>
    public int Capacity { get; set; } = 10;

    public bool Available { get; set; }

    /// <summary>When the agent last got a ticket: ties in load go to whoever waited longest (round-robin).</summary>
    public DateTime? LastAssignedAt { get; set; }

    /// <summary>Staff data: the platform's key.</summary>
    public Guid? OwnerOrganizationId => null;
}
