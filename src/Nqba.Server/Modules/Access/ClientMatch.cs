namespace Nqba.Server.Modules.Access;

/// <summary>A client organization found or created through <see cref="IClientDirectory"/>.</summary>
/// <param name="OrganizationId">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="RegionCode">Its region code.</param>
/// <param name="Created">True when it was created by this call, false when an existing one matched.</param>
public sealed record ClientMatch(Guid OrganizationId, string Name, string RegionCode, bool Created);
