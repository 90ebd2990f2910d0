using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

public sealed partial class UserEncryptionTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private sealed record RawUser(string? UserName, string? NormalizedUserName, string? Email, string? NormalizedEmail, string? PhoneNumber, string DisplayName);


    /// <summary>A connection of its own to the test database: the rows as stored, with no interceptor in between.</summary>
    private DbConnection Connect() => factory.Provider == "Postgres"
        ? new NpgsqlConnection(factory.ConnectionString)
        : new SqliteConnection(factory.ConnectionString);

    private async Task<List<RawUser>> RawUsersAsync()
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"PhoneNumber\", \"DisplayName\" FROM access_users";
        var rows = new List<RawUser>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new RawUser(Text(0), Text(1), Text(2), Text(3), Text(4), reader.GetString(5)));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private async Task<string> LookupHashAsync(string email) =>
        (await factory.Services.GetRequiredService<UserLookupHash>().HashAsync(email.ToUpperInvariant(), CancellationToken.None))!;

    private static async Task<(Guid Id, string Password)> CreateClientUserAsync(HttpClient admin, string email, string displayName, Guid organizationId)
    {
        var response = await admin.PostAsJsonAsync("/api/access/users", new { email, displayName, role = NqbaRoles.Client, clientOrganizationId = organizationId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("user").GetProperty("id").GetGuid(), created.GetProperty("initialPassword").GetString()!);
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string email, string password) =>
        (await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password })).StatusCode;

    [Fact]
    public async Task CreatedUser_NameEmailAndPhone_AreNotReadableInTheDatabase()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"Erika.Stored-{Guid.NewGuid():N}@acme.example";
        var name = $"Erika Stored {Guid.NewGuid():N}";
        const string phone = "+1 555 0100 4242";
        var (id, _) = await CreateClientUserAsync(admin, email, name, DemoCompany.AcmeCorp);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
            Assert.True((await users.SetPhoneNumberAsync((await users.FindByIdAsync(id.ToString()))!, phone)).Succeeded);
        }

        var hash = await LookupHashAsync(email);

        var rows = await RawUsersAsync();

        var row = Assert.Single(rows, r => r.NormalizedEmail == hash);
        Assert.All([row.UserName, row.Email, row.PhoneNumber, row.DisplayName], v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        Assert.Equal(row.NormalizedEmail, row.NormalizedUserName);
        Assert.Matches("^[0-9a-f]{64}$", row.NormalizedEmail);
        foreach (var plain in new[] { email, email.ToUpperInvariant(), name, phone })
        {
            Assert.DoesNotContain(rows, r => new[] { r.UserName, r.NormalizedUserName, r.Email, r.NormalizedEmail, r.PhoneNumber, r.DisplayName }
                .Any(v => v?.Contains(plain, StringComparison.OrdinalIgnoreCase) == true));
        }

        Assert.DoesNotContain(rows, r => string.Equals(r.NormalizedEmail, NqbaFactory.AdminEmail, StringComparison.OrdinalIgnoreCase) || r.Email == NqbaFactory.AdminEmail);
    }

    [Fact]
    public async Task EncryptedUser_SignsInWithTokenAndCookie_AndIsListedDecrypted()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"carl.client-{Guid.NewGuid():N}@acme.example";
        var (id, password) = await CreateClientUserAsync(admin, email, "Carl Client", DemoCompany.AcmeCorp);

        var bearer = await factory.CreateClientForAsync(email.ToUpperInvariant(), password);
        var viaToken = await bearer.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var cookie = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await cookie.GetStringAsync("/account/login");
        var login = await cookie.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryTokens.From(page),
        }));
        var viaCookie = await cookie.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/access/users");

        Assert.Equal(email, viaToken.GetProperty("name").GetString());
        Assert.Equal("Carl Client", viaToken.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        Assert.Equal(id.ToString(), viaCookie.GetProperty("id").GetString());
        var user = Assert.Single(listed!, u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Carl Client", user.GetProperty("displayName").GetString());
        var emails = listed!.Select(u => u.GetProperty("email").GetString()!).ToList();
        Assert.Equal(emails.Order(StringComparer.OrdinalIgnoreCase), emails);
    }

    [Fact]
    public async Task DuplicateEmail_InAnotherCase_IsRefused()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"dora.dup-{Guid.NewGuid():N}@acme.example";
        await CreateClientUserAsync(admin, email, "Dora Dup", DemoCompany.AcmeCorp);

        var again = await admin.PostAsJsonAsync("/api/access/users", new { email = email.ToUpperInvariant(), displayName = "Dora Again", role = NqbaRoles.SalesRep });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var hash = await LookupHashAsync(email);
        Assert.Single(await RawUsersAsync(), r => r.NormalizedEmail == hash);
    }

    [Fact]
    public async Task PlaintextRowFromBeforeEncryption_IsConvertedOnStart_AndSignsInAgain()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"lena.legacy-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await CreateClientUserAsync(admin, email, "Lena Legacy", DemoCompany.AcmeCorp);
        var hash = await LookupHashAsync(email);
        // The row as the server wrote it before encryption: plaintext fields, Identity's upper-cased lookup values.
        var legacied = await ExecuteAsync(
            "UPDATE access_users SET \"UserName\" = @email, \"Email\" = @email, \"NormalizedUserName\" = @upper, \"NormalizedEmail\" = @upper, \"DisplayName\" = @name, \"PhoneNumber\" = @phone WHERE \"NormalizedEmail\" = @hash",
            ("@email", email), ("@upper", email.ToUpperInvariant()), ("@name", "Lena Legacy"), ("@phone", "+49 30 1234567"), ("@hash", hash));
        Assert.Equal(1, legacied);
        var before = await TokenStatusAsync(email, password);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The start-up step: migrations (none pending) and the seeders, the conversion among them.
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: false, includeDemoData: false, CancellationToken.None);
        }

        var row = Assert.Single(await RawUsersAsync(), r => r.NormalizedEmail == hash);
        Assert.Equal(HttpStatusCode.Unauthorized, before);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(email, password));
        Assert.All([row.UserName, row.Email, row.PhoneNumber, row.DisplayName], v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        Assert.Equal(row.NormalizedEmail, row.NormalizedUserName);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var converter = scope.ServiceProvider.GetServices<IDataSeeder>().OfType<UserFieldEncryption>().Single();
            Assert.Equal(0, await converter.ConvertAsync(CancellationToken.None));
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>().FindByEmailAsync(email);
            Assert.Equal("+49 30 1234567", user!.PhoneNumber);
            Assert.Equal("Lena Legacy", user.DisplayName);
        }
    }

    [Fact]
    public async Task ClientUser_IsUnderItsOrganizationsKey_StaffUnderThePlatformKey()
    {
        var admin = await factory.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Shred Me Ltd", domain = $"shred-{Guid.NewGuid():N}.example", regionCode = "us-east" });
        var organization = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = $"sam.shredded-{Guid.NewGuid():N}@shred.example";
        var (id, _) = await CreateClientUserAsync(admin, email, "Sam Shredded", organization);

        await factory.Services.GetRequiredService<FieldProtector>().DestroyOrganizationKeysAsync(organization, CancellationToken.None);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        var shredded = await users.FindByIdAsync(id.ToString());
        var staff = await users.FindByEmailAsync(NqbaFactory.AdminEmail);
        Assert.Equal(FieldProtector.ErasedValue, shredded!.Email);
        Assert.Equal(FieldProtector.ErasedValue, shredded.DisplayName);
        Assert.Equal(NqbaFactory.AdminEmail, staff!.Email);
    }

    [Fact]
    public async Task MasterKeyRotation_KeepsTheLookupHash_SoUsersStillSignIn()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"rita.rotation-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await CreateClientUserAsync(admin, email, "Rita Rotation", DemoCompany.AcmeCorp);

        // What `nqba keys rotate` does.
        var masterKeys = factory.Services.GetRequiredService<IMasterKeyProvider>();
        masterKeys.Rotate();
        await factory.Services.GetRequiredService<FieldProtector>().RewrapAllAsync(CancellationToken.None);
        // A protector with nothing cached, as after a restart: it unwraps the search key under the new master key.
        using var restarted = new FieldProtector(factory.Services.GetRequiredService<IServiceScopeFactory>(), masterKeys, factory.Services.GetRequiredService<ErasureJournal>(), TimeProvider.System);

        var rehashed = await new UserLookupHash(restarted).HashAsync(email.ToUpperInvariant(), CancellationToken.None);

        Assert.Single(await RawUsersAsync(), r => r.NormalizedEmail == rehashed);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(email, password));
    }
}
