namespace Nqba.Server.Platform.Protection;

/// <summary>An entity whose encrypted fields use its client organization's data key (null: the platform's key).</summary>
public interface IOrganizationOwned
{
    Guid? OwnerOrganizationId { get; }
}
