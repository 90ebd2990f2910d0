using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>
/// Retention of Access's own personal data (30 days in <see cref="PrivacyFactory"/>): client accounts nobody has
/// signed in to since the cutoff, and consent decisions a later decision has replaced.
/// </summary>
public sealed class AccessRetentionTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private async Task AgeAccountAsync(Guid id, int days)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var at = DateTime.UtcNow.AddDays(-days);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, at).SetProperty(u => u.LastSignInAt, u => u.LastSignInAt == null ? null : at));
    }

    private async Task<DateTime?> LastSignInAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Users.Where(u => u.Id == id).Select(u => u.LastSignInAt).SingleOrDefaultAsync();
    }

    private async Task<Dictionary<string, int>> RunRetentionAsync()
    {
        var compliance = await factory.CreateAdminClientAsync();
        var response = await compliance.PostAsync("/api/privacy/retention/run", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, int>>())!;
    }

    [Fact]
    public async Task InactiveClientAccounts_AreDeleted_WhileRecentlySignedInClientsAndStaffStay()
    {
        var idle = $"idle-{Guid.NewGuid():N}@client.example";
        var active = $"active-{Guid.NewGuid():N}@client.example";
        var staff = $"staff-{Guid.NewGuid():N}@nqba.test";
        var (idleId, idlePassword) = await factory.CreateUserAsync(idle, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var (activeId, activePassword) = await factory.CreateUserAsync(active, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var (staffId, _) = await factory.CreateUserAsync(staff, NqbaRoles.SalesRep);

        // PrivacyFactory keeps the scheduler from firing, so no start-up retention run can come between the ageing below
        // and the sign-in that keeps the "active" account.
        await AgeAccountAsync(idleId, 90);
        await AgeAccountAsync(activeId, 90);
        await AgeAccountAsync(staffId, 90);
        var neverBefore = await LastSignInAsync(activeId);

        await factory.CreateClientForAsync(active, activePassword); // signs in now: active again
        var signedInAt = await LastSignInAsync(activeId);
        var purged = await RunRetentionAsync();

        Assert.Null(neverBefore);
        Assert.NotNull(signedInAt);
        Assert.InRange(signedInAt.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.True(purged["access.accounts"] >= 1, JsonSerializer.Serialize(purged));
        var idleSignIn = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = idle, password = idlePassword });
        Assert.Equal(HttpStatusCode.Unauthorized, idleSignIn.StatusCode);
        Assert.Null(await LastSignInAsync(idleId)); // the row is gone
        await factory.CreateClientForAsync(active, activePassword);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Id == idleId));
        Assert.True(await db.Users.AnyAsync(u => u.Id == staffId)); // staff accounts are employment records
    }

    [Fact]
    public async Task SupersededConsentDecisions_AreDeleted_TheCurrentDecisionOfEachPurposeStays()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"consent-{Guid.NewGuid():N}@client.example";
        async Task RecordAsync(string purpose, bool granted) =>
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/privacy/consents", new { email, purpose, granted, source = "staff" })).StatusCode);
        await RecordAsync("marketing-email", true);
        await RecordAsync("newsletter", true);
        await RecordAsync("marketing-email", false);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            var at = DateTime.UtcNow.AddDays(-60);
            await db.Consents.Where(c => c.RecordedAt > DateTime.UtcNow.AddMinutes(-5) && (c.Purpose == "marketing-email" || c.Purpose == "newsletter"))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedAt, c => c.RecordedAt.AddDays(-60)));
        }

        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/privacy/consents?email={Uri.EscapeDataString(email)}");
        var purged = await RunRetentionAsync();
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/privacy/consents?email={Uri.EscapeDataString(email)}");

        Assert.Equal(3, before.GetProperty("history").GetArrayLength());
        Assert.True(purged["access.consents"] >= 1, JsonSerializer.Serialize(purged));
        var history = after.GetProperty("history").EnumerateArray().Select(c => (c.GetProperty("purpose").GetString(), c.GetProperty("granted").GetBoolean())).ToList();
        Assert.Equal([("marketing-email", false), ("newsletter", true)], history.Order());
        var current = after.GetProperty("current").EnumerateArray().Select(c => (c.GetProperty("purpose").GetString(), c.GetProperty("granted").GetBoolean())).ToList();
        Assert.Equal(history.Order(), current.Order());
    }
}
