using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Intake.Contacts;

/// <summary>
/// A person at a client organization who contacted the company; recognised again by the keyed hash of their
/// e-mail address. Name, e-mail and phone are encrypted under the contact's own data key, so erasing one person
/// (crypto-shredding that key) leaves the rest of their organization readable.
/// </summary>
internal sealed class Contact : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid ClientOrganizationId { get; set; }

    [Encrypted]
    public required string Name { get; set; }

    /// <summary>Lower case.</summary>
    [Encrypted]
    public required string Email { get; set; }

    /// <summary>Keyed hash of <see cref="Email"/> (unique): how a returning contact is found.</summary>
    public string? EmailHash { get; set; }

    [Encrypted]
    public string? Phone { get; set; }

    /// <summary>en, de or ja.</summary>
    public required string Language { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? OwnerOrganizationId => Id;

    Guid? IOrganizationOwned.ResidencyOrganizationId => ClientOrganizationId;
}
