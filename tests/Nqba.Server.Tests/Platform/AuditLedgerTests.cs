using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Audit;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

public sealed class AuditLedgerTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StateChangingRequest_IsRecordedWithActorAndIp()
    {
        var admin = await factory.CreateAdminClientAsync();

        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Audited GmbH", domain = "audited.example", regionCode = "europe" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var entries = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=access.client.created&entityId={id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = Assert.Single(entries!);
        // The actor by account id; the ledger outlives erasure, so it never holds the address.
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(me.GetProperty("id").GetString(), entry.GetProperty("actorId").GetString());
        Assert.DoesNotContain(NqbaFactory.AdminEmail, entry.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Audited GmbH", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task RealTimeConnectionTraffic_IsNotRecorded_WhileOtherPostsAre()
    {
        var admin = await factory.CreateAdminClientAsync();
        var marker = Guid.NewGuid().ToString("N");

        var negotiated = await factory.CreateClient().PostAsync($"/hubs/support/visitor/negotiate?negotiateVersion=1&m={marker}", null);
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = $"Hub {marker[..6]}", domain = $"hub-{marker[..6]}.example", regionCode = "europe" });
        var entries = await admin.GetFromJsonAsync<List<JsonElement>>("/api/audit?action=http.post");

        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(entries!, e => e.GetRawText().Contains("/api/clients", StringComparison.Ordinal));
        Assert.DoesNotContain(entries!, e => e.GetRawText().Contains("negotiate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StagedEntry_CommitsWithItsChange_AndARolledBackChangeLeavesNone()
    {
        var ledger = factory.Services.GetRequiredService<IAuditLedger>();
        var kept = Guid.NewGuid().ToString();
        var dropped = Guid.NewGuid().ToString();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                ledger.Stage(db, new AuditRecord("test.staged", "thing", dropped));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                ledger.Stage(db, new AuditRecord("test.staged", "thing", kept));
                await db.SaveChangesAsync();
                // Staged, not chained: until the commit nobody else sees it, and the chain has not moved.
                Assert.DoesNotContain(await AuditEntriesAsync(), e => e.EntityId == kept);
                await transaction.CommitAsync();
            }
        }

        var entries = await AuditEntriesAsync();
        Assert.Single(entries, e => e.EntityId == kept);
        Assert.DoesNotContain(entries, e => e.EntityId == dropped);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().StagedAuditEntries.AnyAsync());
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task EntryLeftStagedByACrash_IsChainedByTheNextCommit()
    {
        var orphan = Guid.NewGuid().ToString();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // What a process killed between commit and chaining leaves: a committed staged row (written here with
            // SQL, so no interceptor chains it).
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO platform_audit_outbox (\"RecordedAt\", \"ActorName\", \"Action\", \"EntityType\", \"EntityId\") VALUES ({DateTime.UtcNow}, {"system"}, {"test.orphan"}, {"thing"}, {orphan})");
        }

        Assert.DoesNotContain(await AuditEntriesAsync(), e => e.EntityId == orphan);
        await factory.Services.GetRequiredService<IAuditLedger>().AppendAsync(new AuditRecord("test.next"), CancellationToken.None);

        var entries = await AuditEntriesAsync();
        var chained = Assert.Single(entries, e => e.EntityId == orphan);
        Assert.True(chained.Sequence < entries.Single(e => e.Action == "test.next" && e.Sequence > chained.Sequence).Sequence);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    private async Task<List<AuditEntry>> AuditEntriesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task FailedSignIn_IsRecorded()
    {
        await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = NqbaFactory.AdminEmail, password = "definitely-wrong-1" });
        var admin = await factory.CreateAdminClientAsync();

        var entries = await admin.GetFromJsonAsync<List<JsonElement>>("/api/audit?action=access.signin.failed");

        Assert.NotEmpty(entries!);
    }

    [Fact]
    public async Task Chain_VerifiesAfterManyAppends_AndNamesTheFirstTamperedEntry()
    {
        var ledger = factory.Services.GetRequiredService<IAuditLedger>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            ledger.AppendAsync(new AuditRecord("test.append", "thing", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)));
        var intact = await VerifyAsync();
        Assert.True(intact.IsIntact, intact.ToString());
        Assert.StartsWith("ok, ", intact.ToString(), StringComparison.Ordinal);

        long target;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            target = await db.AuditEntries.Where(e => e.Action == "test.append").OrderBy(e => e.Sequence).Select(e => e.Sequence).Skip(3).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit SET \"ActorName\" = 'mallory' WHERE \"Sequence\" = {0}", target);
        }

        var broken = await VerifyAsync();

        Assert.False(broken.IsIntact);
        Assert.Equal(target, broken.FirstBrokenSequence);
        Assert.Contains($"entry {target}", broken.ToString(), StringComparison.Ordinal);

        // Put it back so the other tests of this class see an intact chain.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit SET \"ActorName\" = 'system' WHERE \"Sequence\" = {0}", target);
        }

        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Export_ReturnsJsonLinesOldestFirst()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/audit/export");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var sequences = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64()).ToList();
        Assert.NotEmpty(sequences);
        Assert.Equal(sequences.Order().ToList(), sequences);
    }
}
