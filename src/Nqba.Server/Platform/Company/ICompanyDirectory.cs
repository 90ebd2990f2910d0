namespace Nqba.Server.Platform.Company;

/// <summary>The company's configuration for modules: business units, regions (with calendars) and specialists.</summary>
public interface ICompanyDirectory
{
    /// <summary>Units, regions and active specialists as they are now.</summary>
    Task<CompanySnapshot> GetAsync(CancellationToken cancellationToken);
}
