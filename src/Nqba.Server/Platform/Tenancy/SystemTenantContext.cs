namespace Nqba.Server.Platform.Tenancy;

/// <summary>No confinement: migrations, seeding, CLI verbs and design-time tooling.</summary>
internal sealed class SystemTenantContext : ITenantContext
{
    public static readonly SystemTenantContext Instance = new();

    public Guid? OrganizationId => null;
}
