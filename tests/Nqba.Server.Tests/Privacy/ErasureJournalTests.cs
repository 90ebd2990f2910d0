using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Protection;
using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>A backup taken before an erasure holds the erased person's wrapped key; restoring it must not bring them back.</summary>
public sealed class ErasureJournalTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<HashSet<Guid>> DestroyedKeysAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return [.. await db.DataKeys.AsNoTracking().Where(k => k.DestroyedAt != null && k.WrappedKey == null).Select(k => k.Id).ToListAsync()];
    }

    [Fact]
    public async Task RestoringABackupTakenBeforeAnErasure_DestroysTheErasedKeysAgain()
    {
        var admin = await factory.CreateAdminClientAsync();
        var email = $"jonas-{Guid.NewGuid():N}@journal.example";
        var lead = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name = "Jonas Journal",
            email,
            company = "Journal KG",
            regionCode = "us-east",
            source = "WebForm",
            language = "en",
        });
        Assert.Equal(HttpStatusCode.Created, lead.StatusCode);
        var backups = factory.Services.GetRequiredService<BackupService>();
        var backup = await backups.CreateAsync(null, CancellationToken.None);
        var destroyedBefore = await DestroyedKeysAsync();
        var request = (await (await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Erasure", law = "Gdpr", email })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/privacy/requests/{request}/complete", null)).EnsureSuccessStatusCode();
        var erased = (await DestroyedKeysAsync()).Except(destroyedBefore).ToHashSet();
        Assert.NotEmpty(erased);
        var journal = await factory.Services.GetRequiredService<ErasureJournal>().ReadAsync(CancellationToken.None);
        Assert.Subset(journal.ToHashSet(), erased);

        await backups.RestoreAsync(backup.Path, null, CancellationToken.None);

        // The database is the backup's (the erasure request did not exist yet), and still the erased keys are gone.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/privacy/requests/{request}")).StatusCode);
        Assert.Subset(await DestroyedKeysAsync(), erased);
    }
}
