namespace Nqba.Server.Platform.Persistence;

/// <summary>The database engines NQBA runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
