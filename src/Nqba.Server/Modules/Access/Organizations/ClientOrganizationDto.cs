namespace Nqba.Server.Modules.Access.Organizations;

internal sealed record ClientOrganizationDto(Guid Id, string Name, string? Domain, string RegionCode, string? Industry, DateTime CreatedAt)
{
    public static ClientOrganizationDto From(ClientOrganization o) => new(o.Id, o.Name, o.Domain, o.RegionCode, o.Industry, o.CreatedAt);
}
