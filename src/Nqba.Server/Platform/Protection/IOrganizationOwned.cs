namespace Nqba.Server.Platform.Protection;

/// <summary>
/// An entity whose encrypted fields use the data key of <see cref="OwnerOrganizationId"/>: its client organization, or
/// the person the record is about when that person has a key of their own (so one person can be crypto-shredded
/// without touching their organization); null: the platform's key.
/// </summary>
public interface IOrganizationOwned
{
    Guid? OwnerOrganizationId { get; }

    /// <summary>
    /// The client organization whose residency zone decides where the encrypted fields are stored (see
    /// <c>Platform/Residency</c>); by default the key owner. Implement it explicitly when the key owner is a person.
    /// </summary>
    Guid? ResidencyOrganizationId => OwnerOrganizationId;
}
