using Microsoft.AspNetCore.Identity;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>
/// A person who signs in: staff (any staff role) or a client user of one organization.
/// User name, e-mail, phone and display name are <see cref="EncryptedAttribute"/> fields like every other personal
/// field of the product: a client user's under the client organization's data key (so erasing the organization
/// crypto-shreds its accounts too, and a zone with a store of its own keeps them), a staff member's under the
/// platform key. Identity's own <c>ProtectPersonalData</c> was not used: its lookup protector has one key ring
/// for all users and knows nothing of organizations or residency zones. The normalized columns Identity looks
/// users up by hold a keyed hash instead of the upper-cased value (see <see cref="NqbaUserStore"/>).
/// </summary>
internal sealed class NqbaUser : IdentityUser<Guid>, IOrganizationOwned
{
    [Encrypted]
    public override string? UserName
    {
        get => base.UserName;
        set => base.UserName = value;
    }

    [Encrypted]
    public override string? Email
    {
        get => base.Email;
        set => base.Email = value;
    }

    [Encrypted]
    public override string? PhoneNumber
    {
        get => base.PhoneNumber;
        set => base.PhoneNumber = value;
    }

    [Encrypted]
    public required string DisplayName { get; set; }

    /// <summary>Set for Client users: the only organization whose data they may see.</summary>
    public Guid? ClientOrganizationId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the user last signed in (web or API); null: never. Inactive client accounts are purged by retention.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>The TOTP time step of the last authenticator code accepted: codes of that step or earlier are refused.</summary>
    public long? AuthenticatorTimeStep { get; set; }

    Guid? IOrganizationOwned.OwnerOrganizationId => ClientOrganizationId;
}
