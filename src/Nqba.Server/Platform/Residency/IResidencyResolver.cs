namespace Nqba.Server.Platform.Residency;

/// <summary>Which residency zone (US, EU, APAC) a client organization's personal data belongs to (Access implements it).</summary>
public interface IResidencyResolver
{
    /// <summary>The zone of the organization's region; null when the organization is unknown.</summary>
    ValueTask<string?> ZoneOfAsync(Guid organizationId, CancellationToken cancellationToken);
}
