using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Tests.Privacy;

/// <summary>The retention purge as a job: declared to run at start and then every <c>Access:RetentionInterval</c>.</summary>
public sealed class RetentionJobTests(PrivacyFactory factory) : IClassFixture<PrivacyFactory>
{
    private async Task<Guid> CaptureAgedLeadAsync(string name, int daysAgo)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name,
            email = $"retention-{Guid.NewGuid():N}@scheduler.example",
            company = "Retention Ltd",
            regionCode = "europe",
            source = "WebForm",
            language = "en",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Leads.IgnoreQueryFilters().Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CapturedAt, at));
        await db.Contacts.IgnoreQueryFilters().Where(c => db.Leads.IgnoreQueryFilters().Any(l => l.Id == id && l.ContactId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, at));
        return id;
    }

    /// <summary>The lead's contact name as the server reads it (decrypted, or "[erased]").</summary>
    private async Task<string> NameAsync(Guid lead)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return (await db.Leads.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == lead)).ContactName;
    }

    [Fact]
    public async Task RetentionJob_IsScheduledAtStartAndEveryInterval_AndARunErasesOnlyWhatIsPastRetention()
    {
        var aged = await CaptureAgedLeadAsync("Otto Outdated", daysAgo: 40);
        var fresh = await CaptureAgedLeadAsync("Frieda Fresh", daysAgo: 5);
        var jobs = factory.Services.GetRequiredService<NqbaJobs>();

        var outcome = await jobs.RunNowAsync<RetentionJob>(CancellationToken.None);
        var status = (await jobs.ListAsync(CancellationToken.None)).Single(j => j.Name == nameof(RetentionJob));

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(FieldProtector.ErasedValue, await NameAsync(aged));
        Assert.Equal("Frieda Fresh", await NameAsync(fresh));
        Assert.True(status.Enabled);
        Assert.Equal("every 30.00:00:00, first at start", status.Schedule);
        Assert.Equal("FireOnceNow", status.Misfire);
        Assert.NotNull(status.NextFireTime);
        Assert.Equal("succeeded", status.LastOutcome);
    }
}
