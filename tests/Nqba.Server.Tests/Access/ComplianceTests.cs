using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

public sealed class ComplianceTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<Guid> OverduePrivacyRequestAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Access", law = "Gdpr", email = $"late-{Guid.NewGuid():N}@compliance.test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var request = await db.PrivacyRequests.SingleAsync(r => r.Id == id);
        request.ReceivedAt = DateTime.UtcNow.AddDays(-40);
        request.DueAt = DateTime.UtcNow.AddDays(-10);
        await db.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task ComplianceApi_AfterADrill_ReportsBackupsDrillKeyRingAndPrivacy()
    {
        var admin = await factory.CreateAdminClientAsync();
        await OverduePrivacyRequestAsync(admin);
        var backups = factory.Services.GetRequiredService<BackupService>();
        var backup = await backups.CreateAsync(null, CancellationToken.None);
        var drill = await backups.DrillAsync(null, CancellationToken.None);

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/compliance");

        var b = report.GetProperty("backups");
        Assert.True(b.GetProperty("count").GetInt32() >= 1);
        Assert.Equal(backup.Name, b.GetProperty("newestBackup").GetString());
        Assert.Equal(JsonValueKind.String, b.GetProperty("newestVerifiedAt").ValueKind);
        Assert.Equal("00:15:00", b.GetProperty("recoveryPointObjective").GetString());
        Assert.Equal("01:00:00", b.GetProperty("recoveryTimeObjective").GetString());
        Assert.True(report.GetProperty("recoveryPointMet").GetBoolean());
        var last = b.GetProperty("lastDrill");
        Assert.Equal(backup.Name, last.GetProperty("backup").GetString());
        Assert.True(last.GetProperty("succeeded").GetBoolean());
        Assert.Equal(drill.RestoreDuration, TimeSpan.Parse(last.GetProperty("restoreDuration").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(report.GetProperty("drillRecoveryTimeMet").GetBoolean());
        Assert.True(report.GetProperty("drillRecoveryPointMet").GetBoolean());
        var keys = report.GetProperty("keyRing");
        Assert.Equal(factory.Services.GetRequiredService<IMasterKeyProvider>().CurrentKeyId, keys.GetProperty("masterKeyId").GetString());
        Assert.Equal(JsonValueKind.String, keys.GetProperty("masterKeyCreatedAt").ValueKind);
        Assert.True(keys.GetProperty("dataKeys").GetInt32() >= 1);
        Assert.True(report.GetProperty("privacy").GetProperty("overdue").GetInt32() >= 1);
        Assert.True(report.GetProperty("privacy").GetProperty("open").GetInt32() >= report.GetProperty("privacy").GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task LastDrill_IsReadFromTheAuditLedger_NotFromTheBackupFolder()
    {
        var backups = factory.Services.GetRequiredService<BackupService>();
        await backups.CreateAsync(null, CancellationToken.None);
        var drill = await backups.DrillAsync(null, CancellationToken.None);

        // What another instance (or this one after a restart, with the local folder gone) sees: only the database.
        File.Delete(Path.Combine(backups.Folder, "last-drill.json"));

        Assert.Equal(JsonSerializer.Serialize(drill), JsonSerializer.Serialize(await backups.LastDrillAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task CompliancePage_ShowsTheReport_ToComplianceStaffOnly()
    {
        var admin = await factory.CreateAdminClientAsync();
        await OverduePrivacyRequestAsync(admin);
        var backups = factory.Services.GetRequiredService<BackupService>();
        var backup = await backups.CreateAsync(null, CancellationToken.None);
        await backups.DrillAsync(null, CancellationToken.None);
        var email = $"client-{Guid.NewGuid():N}@compliance.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/compliance"));
        var denied = await client.GetAsync("/admin/compliance");
        var deniedApi = await client.GetAsync("/api/compliance");

        Assert.Contains("Restore drill", page, StringComparison.Ordinal);
        Assert.Contains(backup.Name, page, StringComparison.Ordinal);
        Assert.Contains("within RTO", page, StringComparison.Ordinal);
        Assert.Contains("within RPO", page, StringComparison.Ordinal);
        Assert.Contains(factory.Services.GetRequiredService<IMasterKeyProvider>().CurrentKeyId, page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"overdue\" class=\"error\">[1-9]", page);
        Assert.DoesNotContain("Restore drill", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, deniedApi.StatusCode);
    }
}
