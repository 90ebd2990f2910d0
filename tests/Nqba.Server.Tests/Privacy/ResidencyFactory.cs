using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>The server with a store of its own for the EU residency zone (a SQLite file beside the main database).</summary>
public sealed class ResidencyFactory : NqbaFactory
{
    public string EuStorePath => Path.Combine(ContentRoot, "eu.db");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Residency:HomeZone"] = "US",
        ["Residency:Stores:EU:Provider"] = "Sqlite",
        ["Residency:Stores:EU:ConnectionString"] = $"Data Source={EuStorePath}",
    };
}
