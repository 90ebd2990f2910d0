namespace Nqba.Server.Platform.Tenancy;

/// <summary>
/// Which client organization the current caller is confined to. Every module's query filters read it, so a
/// Client user can only ever see their own organization's records.
/// </summary>
public interface ITenantContext
{
    /// <summary>
    /// The organization the caller is confined to, or null for staff and system work (no confinement).
    /// A Client user without an organization gets <see cref="Guid.Empty"/>, which matches nothing.
    /// </summary>
    Guid? OrganizationId { get; }
}
