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

    /// <summary>
    /// What the intake created this organization for, unique: "domain:" and the company's domain, or "contact:" and
    /// the search hash of the first contact's address when they wrote from a public mail provider. Two first
    /// submissions at the same moment insert the same key, so the second one finds the first's organization instead
    /// of leaving a second one behind. Null for organizations staff created.
    /// </summary>
    public string? IntakeKey { get; set; }

    /// <summary>The <see cref="IntakeKey"/> of a company with <paramref name="domain"/>, else of the first contact's address hash.</summary>
    public static string? IntakeKeyOf(string? domain, string? contactKey) =>
        !string.IsNullOrEmpty(domain) ? "domain:" + domain
        : !string.IsNullOrEmpty(contactKey) ? "contact:" + contactKey
        : null;

    public DateTime CreatedAt { get; set; }
}
