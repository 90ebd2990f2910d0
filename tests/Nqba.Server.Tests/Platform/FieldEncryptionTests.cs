using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Observability;
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

    [Fact]
    public async Task AKeyDestroyedByAnotherInstance_StopsBeingUsedHere_AtTheWatchersNextLook()
    {
        var services = factory.Services;
        var thisInstance = services.GetRequiredService<FieldProtector>();
        // The other instance: its own cache, the same database and master key ring.
        using var otherInstance = new FieldProtector(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IMasterKeyProvider>(), services.GetRequiredService<ErasureJournal>(), TimeProvider.System);
        var person = Guid.NewGuid();
        var value = await thisInstance.ProtectAsync(person, "Ada's note", CancellationToken.None);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var watcher = new DestroyedKeyWatcher(thisInstance, Options.Create(new ProtectionOptions { DestroyedKeyPollInterval = TimeSpan.FromSeconds(30) }), clock, NullLogger<DestroyedKeyWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        var readBefore = thisInstance.Unprotect(value); // cached here now
        await otherInstance.DestroyOrganizationKeysAsync(person, CancellationToken.None);
        var readFromCache = thisInstance.Unprotect(value);
        var readAfter = await AfterWatcherLooksAsync(() => clock.Advance(TimeSpan.FromSeconds(30)), () => thisInstance.Unprotect(value) == FieldProtector.ErasedValue);
        await watcher.StopAsync(CancellationToken.None);

        Assert.Equal("Ada's note", readBefore);
        Assert.Equal("Ada's note", readFromCache); // until the watcher looks, the cached key still works: that is the window
        Assert.True(readAfter, "after the watcher's look the destroyed key is no longer used");
        Assert.Equal(FieldProtector.ErasedValue, otherInstance.Unprotect(value));
    }

    [Fact]
    public async Task ANewPersonsKey_IsWrittenInTheTransactionOfTheirFirstRecord_AndARollbackLeavesNoKey()
    {
        var person = Guid.NewGuid();
        SurveyInvitation Survey() => new() { Id = Guid.NewGuid(), Kind = SurveyKind.Csat, Email = "first.time@client.example", EmailHash = "h-" + person, SubjectKeyId = person, SentAt = DateTime.UtcNow };
        async Task<int> LiveKeysAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataKeys.CountAsync(k => k.OrganizationId == person && k.DestroyedAt == null);
        }

        int keysInsideTheTransaction;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Surveys.Add(Survey());
            await db.SaveChangesAsync();
            keysInsideTheTransaction = await db.Set<DataKey>().CountAsync(k => k.OrganizationId == person);
            await transaction.RollbackAsync();
        }

        var keysAfterRollback = await LiveKeysAsync();
        var saved = Survey();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
            db.Surveys.Add(saved);
            await db.SaveChangesAsync();
        }

        // A fresh protector (another instance, nothing cached) reads the record with the key from the table.
        using var fresh = new FieldProtector(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IMasterKeyProvider>(), factory.Services.GetRequiredService<ErasureJournal>(), TimeProvider.System);
        var stored = Assert.Single(await RawColumnAsync($"SELECT \"Email\" FROM support_surveys WHERE \"EmailHash\" = 'h-{person}'"));

        Assert.Equal(1, keysInsideTheTransaction);
        Assert.Equal(0, keysAfterRollback);
        Assert.Equal(1, await LiveKeysAsync());
        Assert.Equal("first.time@client.example", fresh.Unprotect(stored));
    }

    /// <summary>
    /// Does <paramref name="tick"/> (the fake clock's step that makes the watcher look), then waits for the watcher to
    /// report a finished look (its run counter, <c>nqba.jobs.runs</c> with <c>job=DestroyedKeyWatcher</c>) and returns
    /// whether <paramref name="condition"/> holds after it. No polling: the watcher says when it has looked. Other hosts'
    /// watchers (on the real clock) report too: each report is one more look to check after, until 10 s pass without any.
    /// </summary>
    private static async Task<bool> AfterWatcherLooksAsync(Action tick, Func<bool> condition)
    {
        using var looked = new SemaphoreSlim(0);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument == NqbaTelemetry.JobRuns)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "job" && Equals(tag.Value, nameof(DestroyedKeyWatcher)))
                {
                    looked.Release();
                }
            }
        });
        listener.Start();

        tick();
        while (await looked.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            if (condition())
            {
                return true;
            }
        }

        return condition();
    }
}
