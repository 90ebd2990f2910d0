using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Server.Tests.Pipeline;
using Nqba.Testing;

namespace Nqba.Server.Tests.Onboarding;

/// <summary>A won deal starts its client's onboarding; staff complete the steps with evidence; the client sees their checklist.</summary>
public sealed class OnboardingApiTests(OnboardingApiTests.Factory factory) : IClassFixture<OnboardingApiTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    /// <summary>A lead taken through the pipeline to won; returns its organization.</summary>
    private async Task<Guid> WonClientAsync(HttpClient admin)
    {
        var (leadId, _) = await PipelineApiTests.RoutedLeadAsync(factory, admin);
        var deal = await PipelineApiTests.DealOfLeadAsync(admin, leadId);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { value = 9000m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "won" })).StatusCode);
        await factory.DeliverEventsAsync();
        return deal.GetProperty("organizationId").GetGuid();
    }

    [Fact]
    public async Task AWonDeal_StartsTheOnboarding_StepsAreDoneWithEvidence_AndGoLiveEndsTheClock()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(admin);

        var onboarding = await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}");
        Assert.Equal("in-progress", onboarding.GetProperty("state").GetString());
        Assert.Equal(["contract", "payment", "provisioning", "onboarding-call", "training", "go-live", "success-monitoring"],
            onboarding.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToArray());
        Assert.All(onboarding.GetProperty("steps").EnumerateArray(), s => Assert.Equal("pending", s.GetProperty("status").GetString()));

        // Contract after 10 hours, payment 25 hours later (the slowest), go-live after 75 hours in all.
        async Task CompleteAfterAsync(double hours, string step, string evidence)
        {
            factory.Clock.Advance(TimeSpan.FromHours(hours));
            admin = await factory.CreateAdminClientAsync();
            var done = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/steps/{step}/complete", new { evidence });
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        await CompleteAfterAsync(10, "contract", "Signed by Pia Deal, contract v3");
        await CompleteAfterAsync(25, "payment", "Invoice 2026-0042 paid");
        await CompleteAfterAsync(5, "provisioning", "4 users invited");
        await CompleteAfterAsync(5, "onboarding-call", "Held with the specialist");
        await CompleteAfterAsync(10, "training", "Admins and agents trained");
        await CompleteAfterAsync(20, "go-live", "Live in production");

        onboarding = await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}");
        Assert.Equal("live", onboarding.GetProperty("state").GetString());
        Assert.InRange(onboarding.GetProperty("durationHours").GetDouble(), 75.0, 75.1);
        Assert.Equal("payment", onboarding.GetProperty("slowestStep").GetString());
        var contract = onboarding.GetProperty("steps")[0];
        Assert.Equal("done", contract.GetProperty("status").GetString());
        Assert.Equal("Signed by Pia Deal, contract v3", contract.GetProperty("evidence").GetString());

        // Done is done: a second completion is refused and changes nothing.
        var again = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/steps/contract/complete", new { evidence = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Signed by Pia Deal, contract v3", (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("steps")[0].GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task AClient_SeesTheirOwnChecklist_NotAnothers_AndCannotCompleteSteps()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(admin);
        var other = await WonClientAsync(admin);
        var email = $"client-{Guid.NewGuid():N}@onboarding.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        var client = await factory.CreateClientForAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/onboarding/{organization}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/onboarding/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/onboarding")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/onboarding/{organization}/steps/contract/complete", new { evidence = "me" })).StatusCode);

        var page = await client.GetStringAsync("/onboarding/mine");
        Assert.Contains("0 of 7 steps done", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsA400NamingTheField()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(admin);
        var step = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/steps/launch-party/complete", new { evidence = "cake" });
        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        Assert.Contains("\"step\"", await step.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var evidence = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/steps/contract/complete", new { evidence = " " });
        Assert.Equal(HttpStatusCode.BadRequest, evidence.StatusCode);
        Assert.Contains("\"evidence\"", await evidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/onboarding/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task OneWonDeal_DeliveredManyTimesAtOnce_StartsOneOnboarding_EveryRound()
    {
        for (var round = 0; round < 10; round++)
        {
            var won = new DealWon(Guid.NewGuid(), Guid.NewGuid(), null, null, "nqba-core", 1000m, "USD", DateTime.UtcNow);
            var started = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<OnboardingDesk>().StartAsync(won, CancellationToken.None))!.Id;
            }));

            Assert.Single(started.Distinct());
            await using var check = factory.Services.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<OnboardingDbContext>();
            Assert.Equal(1, await db.Onboardings.CountAsync(o => o.OrganizationId == won.OrganizationId));
            Assert.Equal(7, await db.Steps.CountAsync(s => s.OnboardingId == started[0]));
        }
    }
}
