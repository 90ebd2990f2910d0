namespace Nqba.Server.Modules.Support;

/// <summary>Support's contract for other modules: a client organization's satisfaction from its answered surveys.</summary>
public interface IOrganizationSatisfaction
{
    /// <summary>
    /// Per organization, the average CSAT (1–5) and the NPS (% promoters − % detractors, −100…100) of the survey
    /// answers given at or after <paramref name="since"/>, for every organization of <paramref name="organizationIds"/>
    /// in one query; an organization with no answer in the window is left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, OrganizationSatisfaction>> ForOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds, DateTime since, CancellationToken cancellationToken);
}

/// <summary>An organization's satisfaction: null averages where no survey of that kind was answered.</summary>
public sealed record OrganizationSatisfaction(double? CsatAverage, int CsatResponses, int? Nps, int NpsResponses);
