using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Protection;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

public sealed class FieldEncryptionTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<List<string>> RawColumnAsync(string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [Fact]
    public async Task EncryptedFields_AreCiphertextOnDisk_AndPlaintextThroughTheApi()
    {
        var admin = await factory.CreateAdminClientAsync();

        var stored = await RawColumnAsync("SELECT \"Email\" FROM platform_specialists");
        var shown = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists");

        Assert.Equal(12, stored.Count);
        Assert.All(stored, v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, v => v.Contains("@nqba.example", StringComparison.Ordinal));
        Assert.Contains(shown!, s => s.GetProperty("email").GetString() == "maya.chen@nqba.example");
    }

    [Fact]
    public async Task EncryptedEmail_IsFoundByItsKeyedHash()
    {
        var protector = factory.Services.GetRequiredService<FieldProtector>();
        var hash = await protector.SearchHashAsync(" Jonas.Weber@NQBA.example ", CancellationToken.None);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var found = await db.Specialists.SingleAsync(s => s.EmailHash == hash);

        Assert.Equal("Jonas Weber", found.DisplayName);
    }

    [Fact]
    public async Task LoadedEntity_IsNotSeenAsModified()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        _ = await db.Specialists.ToListAsync();

        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task DestroyingAnOrganizationsKey_ErasesOnlyItsData()
    {
        var protector = factory.Services.GetRequiredService<FieldProtector>();
        var erased = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var a = await protector.ProtectAsync(erased, "Erika Mustermann", CancellationToken.None);
        var b = await protector.ProtectAsync(kept, "John Doe", CancellationToken.None);

        await protector.DestroyOrganizationKeysAsync(erased, CancellationToken.None);

        Assert.Equal(FieldProtector.ErasedValue, protector.Unprotect(a));
        Assert.Equal("John Doe", protector.Unprotect(b));
        var wrapped = await RawColumnAsync($"SELECT \"MasterKeyId\" FROM platform_data_keys WHERE \"DestroyedAt\" IS NOT NULL AND \"WrappedKey\" IS NULL");
        Assert.NotEmpty(wrapped);
    }

    [Fact]
    public async Task MasterKeyRotation_RewrapsDataKeys_AndOldDataStaysReadable()
    {
        var protector = factory.Services.GetRequiredService<FieldProtector>();
        var masterKeys = factory.Services.GetRequiredService<IMasterKeyProvider>();
        var organization = Guid.NewGuid();
        var value = await protector.ProtectAsync(organization, "before rotation", CancellationToken.None);

        var newMaster = masterKeys.Rotate();
        var rewrapped = await protector.RewrapAllAsync(CancellationToken.None);
        // A fresh protector has no cached keys: it must unwrap with the new master key.
        using var fresh = new FieldProtector(factory.Services.GetRequiredService<IServiceScopeFactory>(), masterKeys, factory.Services.GetRequiredService<ErasureJournal>(), TimeProvider.System);

        Assert.True(rewrapped > 0);
        Assert.Equal("before rotation", fresh.Unprotect(value));
        Assert.All(await RawColumnAsync("SELECT \"MasterKeyId\" FROM platform_data_keys WHERE \"DestroyedAt\" IS NULL"), id => Assert.Equal(newMaster, id));
    }
}
