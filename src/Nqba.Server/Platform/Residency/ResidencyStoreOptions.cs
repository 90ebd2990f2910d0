using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Residency;

/// <summary>The database of one residency zone's personal data.</summary>
public sealed class ResidencyStoreOptions
{
    /// <summary>Sqlite or Postgres; default: the main database's provider.</summary>
    public DatabaseProvider? Provider { get; set; }

    public string? ConnectionString { get; set; }
}
