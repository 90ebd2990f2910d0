namespace Nqba.Server.Platform.Privacy;

/// <summary>
/// Whom a privacy request is about: one person (found by the keyed hash of their e-mail address) or a whole client
/// organization. Exactly one of <see cref="EmailHash"/> and <see cref="OrganizationId"/> is set.
/// </summary>
/// <param name="Email">The person's normalized e-mail address (null for an organization).</param>
/// <param name="EmailHash">The keyed hash of <paramref name="Email"/>, as modules store it.</param>
/// <param name="OrganizationId">The client organization (null for a person).</param>
public sealed record DataSubject(string? Email, string? EmailHash, Guid? OrganizationId)
{
    public bool IsOrganization => OrganizationId is not null;
}
