using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Onboarding;

/// <summary>The health score's parts (tickets, overdue steps, CSAT, NPS, usage) and the paged onboarding list.</summary>
public sealed class OnboardingHealthTests(OnboardingHealthTests.Factory factory) : IClassFixture<OnboardingHealthTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    [Fact]
    public void Of_TheDocumentedExample_Is52Watch()
    {
        // One open ticket (10), one overdue step (15), CSAT 4.0 (5), NPS 50 (2.5, so 3), one of four users active (15).
        var health = OnboardingHealth.Of(new OrganizationTicketLoad(1, 0), 1, new OrganizationSatisfaction(4.0, 2, 50, 4), new ClientUsage(4, 1));

        Assert.Equal(new HealthPenalties(10, 15, 5, 3, 15), health.Penalties);
        Assert.Equal(52, health.Score);
        Assert.Equal("watch", health.Band);
        Assert.Equal(0.25, health.UsageShare);
    }

    [Fact]
    public void Of_NothingToMeasure_TakesNothingOff_AndTheScoreStaysAtOrAboveZero()
    {
        Assert.Equal(100, OnboardingHealth.Of(null, 0, null, null).Score);
        var worst = OnboardingHealth.Of(new OrganizationTicketLoad(9, 9), 7, new OrganizationSatisfaction(1, 1, -100, 1), new ClientUsage(3, 0));
        Assert.Equal(new HealthPenalties(40, 45, 20, 10, 20), worst.Penalties);
        Assert.Equal(0, worst.Score);
        Assert.Equal("at-risk", worst.Band);
    }

    [Fact]
    public async Task TheOnboarding_ShowsCsatNpsAndUsage_FromSupportsAnswersAndAccessSignIns()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await OnboardingProvisioningTests.WonClientAsync(factory, admin);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        string[] emails = [.. Enumerable.Range(0, 4).Select(i => $"use{i}-{Guid.NewGuid():N}@health.example")];
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users",
            new { users = emails.Select(e => new { email = e, name = "User", role = NqbaRoles.Client }) })).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // One of the four signed in 3 days ago; another 40 days ago (outside the 30-day window).
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
            var recent = (await users.FindByEmailAsync(emails[0]))!;
            recent.LastSignInAt = now.AddDays(-3);
            await users.UpdateAsync(recent);
            var old = (await users.FindByEmailAsync(emails[1]))!;
            old.LastSignInAt = now.AddDays(-40);
            await users.UpdateAsync(old);

            // CSAT 5 and 3 (average 4.0); NPS 10, 10, 9, 5 (three promoters, one detractor: 50); a 1 from 100 days ago does not count.
            var support = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
            foreach (var (kind, score, daysAgo) in new[] { (SurveyKind.Csat, 5, 2), (SurveyKind.Csat, 3, 10), (SurveyKind.Nps, 10, 1), (SurveyKind.Nps, 10, 5), (SurveyKind.Nps, 9, 20), (SurveyKind.Nps, 5, 60), (SurveyKind.Csat, 1, 100) })
            {
                var email = $"answer-{Guid.NewGuid():N}@health.example";
                support.Surveys.Add(new SurveyInvitation
                {
                    Id = Guid.NewGuid(),
                    Kind = kind,
                    OrganizationId = organization,
                    Email = email,
                    EmailHash = await protector.SearchHashAsync(email, CancellationToken.None),
                    SentAt = now.AddDays(-daysAgo - 1),
                    Score = score,
                    AnsweredAt = now.AddDays(-daysAgo),
                });
            }

            await support.SaveChangesAsync();
        }

        var health = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("health");

        Assert.Equal(4.0, health.GetProperty("csatAverage").GetDouble());
        Assert.Equal(2, health.GetProperty("csatResponses").GetInt32());
        Assert.Equal(50, health.GetProperty("nps").GetInt32());
        Assert.Equal(4, health.GetProperty("npsResponses").GetInt32());
        Assert.Equal(4, health.GetProperty("users").GetInt32());
        Assert.Equal(1, health.GetProperty("activeUsers").GetInt32());
        // No open ticket, no overdue step: 100 - 5 (CSAT) - 3 (NPS) - 15 (usage) = 77.
        Assert.Equal(77, health.GetProperty("score").GetInt32());
        Assert.Equal("healthy", health.GetProperty("band").GetString());
        var page = await admin.GetStringAsync("/onboarding?page=1");
        Assert.Contains("CSAT 4.0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheList_IsPaged_WithTheTotal_AndBadPagingIsA400NamingTheField()
    {
        var admin = await factory.CreateAdminClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await OnboardingProvisioningTests.WonClientAsync(factory, admin);
        }

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/onboarding?page=1&pageSize=2");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        var all = new List<Guid>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding?page={page}&pageSize=2")).GetProperty("items");
            all.AddRange(items.EnumerateArray().Select(o => o.GetProperty("organizationId").GetGuid()));
        }

        Assert.Equal(total, all.Distinct().Count());
        Assert.Equal(OnboardingQueries.DefaultPageSize, (await admin.GetFromJsonAsync<JsonElement>("/api/onboarding")).GetProperty("pageSize").GetInt32());
        var badPage = await admin.GetAsync("/api/onboarding?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("\"page\"", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badSize = await admin.GetAsync("/api/onboarding?pageSize=1000");
        Assert.Contains("\"pageSize\"", await badSize.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
