namespace Nqba.Server.Platform.Privacy;

/// <summary>
/// A module's part of the data-subject rights (GDPR, CCPA): every module that stores personal data registers one,
/// and the privacy service in Access calls them all for access, erasure and rectification (retention: <see cref="IRetentionPolicy"/>).
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The module's name: the file name of its part of an access export.</summary>
    string Name { get; }

    /// <summary>Everything the module holds about the subject, decrypted.</summary>
    Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the subject's personal data unreadable for good (destroying their data keys where they have their own)
    /// while the records stay for statistics. Returns the number of records affected.
    /// </summary>
    Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>Applies corrected details to the person's records. Returns the number of records changed.</summary>
    Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken);
}
