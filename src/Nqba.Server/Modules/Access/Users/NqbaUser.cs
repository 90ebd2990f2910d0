using Microsoft.AspNetCore.Identity;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>A person who signs in: staff (any staff role) or a client user of one organization.</summary>
internal sealed class NqbaUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>Set for Client users: the only organization whose data they may see.</summary>
    public Guid? ClientOrganizationId { get; set; }

    public DateTime CreatedAt { get; set; }
}
