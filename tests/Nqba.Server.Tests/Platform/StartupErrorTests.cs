namespace Nqba.Server.Tests.Platform;

/// <summary>Operator mistakes at start-up give one clear line naming the setting, not a stack dump.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nqba-startup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CorruptedSqliteFile_FailsWithAClearMessage()
    {
        var path = Path.Combine(_directory, "nqba.db");
        await File.WriteAllTextAsync(path, "this is not a database, just text that happens to be long enough to look like a page header........");

        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={path}",
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exit);
        Assert.Contains("Database:ConnectionString", stderr, StringComparison.Ordinal);
        Assert.Contains("not a database or is corrupted", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicUrlWithoutScheme_FailsWithAClearMessage()
    {
        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "nqba.db")}",
            ["Platform__PublicUrl"] = "ops.example.com",
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exit);
        Assert.Contains("Platform:PublicUrl must be an absolute http or https address", stderr, StringComparison.Ordinal);
        Assert.Contains("'ops.example.com'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachablePostgres_FailsWithAClearMessage()
    {
        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nqba;Password=secret-value;Database=nqba;Timeout=3",
        }, "migrate");

        Assert.Equal(2, exit);
        Assert.Contains("Database:ConnectionString", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresWithoutConnectionString_NamesTheSetting()
    {
        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
        }, "migrate");

        Assert.Equal(2, exit);
        Assert.Contains("Database:ConnectionString is required", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingMigrations_WithMigrateOnStartOff_SaysToRunMigrate()
    {
        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "empty.db")}",
            ["Database__MigrateOnStart"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exit);
        Assert.Contains("nqba migrate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStart_KeepsTheData()
    {
        var environment = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "keep.db")}" };

        var first = await CommandLineTests.RunNqbaAsync(_directory, environment, "migrate");
        var second = await CommandLineTests.RunNqbaAsync(_directory, environment, "migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("First start: sign in as admin@nqba.local with password", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("First start", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKeyRing_WithEncryptedData_FailsAtStartWithACannotStartLine()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "keys.db")}",
            ["Urls"] = "http://127.0.0.1:0",
        };
        var migrated = await CommandLineTests.RunNqbaAsync(_directory, environment, "migrate");
        Assert.Equal(0, migrated.ExitCode);
        var keyFile = Path.Combine(_directory, "data", "keys", "master-keys.json");
        Assert.True(File.Exists(keyFile), keyFile);
        File.Delete(keyFile);

        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, environment);

        Assert.Equal(2, exit);
        Assert.Contains("nqba: cannot start: the master key", stderr, StringComparison.Ordinal);
        Assert.Contains("Protection:MasterKeyFile", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangeSetting_NamesTheSetting_AndExits2()
    {
        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "range.db")}",
            ["Access__MaxFailedSignIns"] = "0",
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exit);
        Assert.Contains("MaxFailedSignIns", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutDemoData_RolesAndAdminStillExist()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "plain.db")}",
            ["Database__SeedDemoData"] = "false",
        };

        var result = await CommandLineTests.RunNqbaAsync(_directory, environment, "migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("First start: sign in as admin@nqba.local", result.Stdout, StringComparison.Ordinal);
    }
}
