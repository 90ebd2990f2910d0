namespace Nqba.Server.Platform.Persistence;

/// <summary>How often SQLite syncs to disk (see <see cref="SqlitePragmaInterceptor"/>).</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
