namespace Nqba.Server.Platform.Privacy;

/// <summary>
/// One retention category (e.g. <c>intake.leads</c>): configured in days under <c>Access:RetentionDays</c>, the
/// retention purge erases the category's personal data of records last active before the cutoff. A module may have
/// several (Access: inactive accounts and superseded consent records), apart from its <see cref="IPersonalDataSource"/>.
/// </summary>
public interface IRetentionPolicy
{
    /// <summary>The category's configuration key.</summary>
    string Category { get; }

    /// <summary>Erases personal data of records last active before <paramref name="cutoff"/>. Returns the count.</summary>
    Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken);
}
