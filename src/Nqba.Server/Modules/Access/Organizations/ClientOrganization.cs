namespace Nqba.Server.Modules.Access.Organizations;

/// <summary>A client company. Its region decides where its personal data lives.</summary>
internal sealed class ClientOrganization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The company's e-mail domain, used to recognise returning clients.</summary>
    public string? Domain { get; set; }

    /// <summary>Region code (us-east, us-west, europe, apac).</summary>
    public required string RegionCode { get; set; }

    public string? Industry { get; set; }

    public DateTime CreatedAt { get; set; }
}
