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
