using Xunit;

namespace Nqba.Testing;

/// <summary>
/// A test that needs a PostgreSQL server besides whatever database the pass uses (e.g. a residency zone's store on
/// PostgreSQL). <c>scripts/test.sh</c> starts one for every pass and sets <c>NQBA_TEST_POSTGRES</c>, so in CI these
/// always run; only <c>--sqlite-only</c>, which starts none, skips them, and says so.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES")))
        {
            Skip = "needs a PostgreSQL server: NQBA_TEST_POSTGRES is not set (scripts/test.sh sets it unless --sqlite-only)";
        }
    }
}
