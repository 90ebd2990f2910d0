using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Security;
using Nqba.Server.Tests.Pipeline;
using Nqba.Testing;

namespace Nqba.Server.Tests.Onboarding;

/// <summary>
/// The onboarding's working parts through the API and the staff page: each step's owner and due date (configured
/// offsets, reassigned by staff), invoices without card data, and raised ticket priority right after go-live.
/// </summary>
public sealed class OnboardingWorkflowTests(OnboardingWorkflowTests.Factory factory) : IClassFixture<OnboardingWorkflowTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Jobs:FireOnSchedule"] = "false",
            ["Onboarding:DueHours:contract"] = "6",
            ["Onboarding:GoLiveSupportDays"] = "10",
            ["Support:SlaWatchEnabled"] = "false",
            ["Support:MailPollingEnabled"] = "false",
            ["Support:NpsScheduleEnabled"] = "false",
        };
    }

    /// <summary>A lead taken through the pipeline to won; returns its organization and the deal's owner.</summary>
    internal static async Task<(Guid Organization, Guid Owner)> WonClientAsync(NqbaFactory factory, HttpClient admin)
    {
        var (leadId, specialist) = await PipelineApiTests.RoutedLeadAsync(factory, admin);
        var deal = await PipelineApiTests.DealOfLeadAsync(admin, leadId);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { value = 9000m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "won" })).StatusCode);
        await factory.DeliverEventsAsync();
        return (deal.GetProperty("organizationId").GetGuid(), specialist);
    }

    private static JsonElement Step(JsonElement onboarding, string step) =>
        onboarding.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
    }

    [Fact]
    public async Task EveryStep_HasTheDealOwnerAndAConfiguredDueDate_AndStaffReassignIt()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (organization, owner) = await WonClientAsync(factory, admin);

        var onboarding = await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}");
        var started = onboarding.GetProperty("startedAt").GetDateTime();
        Assert.All(onboarding.GetProperty("steps").EnumerateArray(), s => Assert.Equal(owner, s.GetProperty("ownerId").GetGuid()));
        Assert.False(string.IsNullOrEmpty(Step(onboarding, "contract").GetProperty("owner").GetString()));
        Assert.Equal(started.AddHours(6), Step(onboarding, "contract").GetProperty("dueAt").GetDateTime()); // configured
        Assert.Equal(started.AddDays(2), Step(onboarding, "payment").GetProperty("dueAt").GetDateTime()); // the plan's

        var specialists = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))!;
        var other = specialists.Select(s => s.GetProperty("id").GetGuid()).First(id => id != owner);
        var due = started.AddDays(3);
        onboarding = await ReadAsync(await admin.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/training", new { ownerId = other, dueAt = due }));
        Assert.Equal(other, Step(onboarding, "training").GetProperty("ownerId").GetGuid());
        Assert.Equal(due, Step(onboarding, "training").GetProperty("dueAt").GetDateTime());
        Assert.Equal(owner, Step(onboarding, "go-live").GetProperty("ownerId").GetGuid());

        // A client user is not staff; a client user cannot own a step; a done step stays as it was.
        var email = $"client-{Guid.NewGuid():N}@onboarding.example";
        var (clientUser, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        await AssertProblemNamesAsync(await admin.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/training", new { ownerId = clientUser }), HttpStatusCode.BadRequest, "ownerId");
        await AssertProblemNamesAsync(await admin.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/training", new { dueAt = started.AddDays(-1) }), HttpStatusCode.BadRequest, "dueAt");
        await AssertProblemNamesAsync(await admin.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/party", new { ownerId = other }), HttpStatusCode.BadRequest, "step");
        await ReadAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/steps/contract/complete", new { evidence = "Signed v1" }));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/contract", new { ownerId = other })).StatusCode);
        var client = await factory.CreateClientForAsync(email, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/training", new { ownerId = other })).StatusCode);

        // The page shows each step's owner and lets staff reassign it through its form.
        var page = await admin.GetStringAsync("/onboarding");
        Assert.Contains(specialists.Single(s => s.GetProperty("id").GetGuid() == other).GetProperty("displayName").GetString()!, page, StringComparison.Ordinal);
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var token = AntiforgeryTokens.From(await browser.GetStringAsync("/onboarding"));
        var posted = await browser.PostAsync($"/onboarding/{organization}/assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Step"] = "go-live",
            ["OwnerId"] = other.ToString(),
            ["DueDate"] = started.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("error=", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        onboarding = await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}");
        Assert.Equal(other, Step(onboarding, "go-live").GetProperty("ownerId").GetGuid());
        Assert.Equal(DateOnly.FromDateTime(started.AddDays(5)), DateOnly.FromDateTime(Step(onboarding, "go-live").GetProperty("dueAt").GetDateTime()));
    }

    [Fact]
    public async Task Payments_AreRecordedWithoutCardData_AndAPaidInvoiceCompletesThePaymentStep()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (organization, _) = await WonClientAsync(factory, admin);

        // A card number (spaces or dashes or not) is refused, naming the field, and nothing is stored.
        foreach (var card in new[] { "4111 1111 1111 1111", "5500-0000-0000-0004", "INV 378282246310005" })
        {
            await AssertProblemNamesAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = card, amount = 9000m, currency = "USD" }), HttpStatusCode.BadRequest, "invoiceNumber");
        }

        await AssertProblemNamesAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = "INV-1", amount = -5m, currency = "USD" }), HttpStatusCode.BadRequest, "amount");
        await AssertProblemNamesAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = "INV-1", amount = 5m, currency = "dollars" }), HttpStatusCode.BadRequest, "currency");
        await AssertProblemNamesAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = "INV-1", amount = 5m, currency = "USD", status = "refunded" }), HttpStatusCode.BadRequest, "status");
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("payments").EnumerateArray());

        // An issued invoice leaves the step open; marking it paid completes it with the invoice as evidence.
        var onboarding = await ReadAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = "2026-0042", amount = 9000m, currency = "eur" }));
        var payment = onboarding.GetProperty("payments").EnumerateArray().Single();
        Assert.Equal("issued", payment.GetProperty("status").GetString());
        Assert.Equal("EUR", payment.GetProperty("currency").GetString());
        Assert.Equal(9000m, payment.GetProperty("amount").GetDecimal());
        Assert.NotEqual("done", Step(onboarding, "payment").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = "2026-0042", amount = 1m, currency = "EUR" })).StatusCode);

        var id = payment.GetProperty("id").GetGuid();
        onboarding = await ReadAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments/{id}/status", new { status = "paid" }));
        Assert.Equal("paid", onboarding.GetProperty("payments")[0].GetProperty("status").GetString());
        Assert.Equal("done", Step(onboarding, "payment").GetProperty("status").GetString());
        Assert.Contains("2026-0042", Step(onboarding, "payment").GetProperty("evidence").GetString(), StringComparison.Ordinal);

        // Void is final; nothing goes back to issued.
        await ReadAsync(await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments/{id}/status", new { status = "void" }));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments/{id}/status", new { status = "paid" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/payments/{Guid.NewGuid()}/status", new { status = "paid" })).StatusCode);

        // The client sees their invoices but cannot record one.
        var email = $"client-{Guid.NewGuid():N}@onboarding.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        var client = await factory.CreateClientForAsync(email, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/onboarding/{organization}/payments", new { invoiceNumber = "X", amount = 1m, currency = "EUR" })).StatusCode);
        Assert.Contains("2026-0042", await client.GetStringAsync("/onboarding/mine"), StringComparison.Ordinal);

        // The staff page's form refuses a card number too, naming the field, and records an invoice.
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        async Task<string> PostAsync(string invoice)
        {
            var token = AntiforgeryTokens.From(await browser.GetStringAsync("/onboarding"));
            var posted = await browser.PostAsync($"/onboarding/{organization}/payments", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["InvoiceNumber"] = invoice,
                ["Amount"] = "120.50",
                ["Currency"] = "USD",
                ["Status"] = "issued",
            }));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            return WebUtility.UrlDecode(posted.Headers.Location!.OriginalString);
        }

        var refused = await PostAsync("4111111111111111");
        Assert.Contains("field=invoiceNumber", refused, StringComparison.Ordinal);
        Assert.Contains("card number", await admin.GetStringAsync(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("error=", await PostAsync("2026-0043"), StringComparison.Ordinal);
        var payments = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("invoiceNumber").GetString()).ToList();
        Assert.Equal(["2026-0042", "2026-0043"], payments);
    }

    [Fact]
    public async Task TicketsOfAClientJustLive_GetRaisedPriority_ForTheGoLiveSupportPeriod()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (live, _) = await WonClientAsync(factory, admin);
        var (notLive, _) = await WonClientAsync(factory, admin);
        await ReadAsync(await admin.PostAsJsonAsync($"/api/onboarding/{live}/steps/go-live/complete", new { evidence = "Live in production" }));

        async Task<HttpClient> ClientOfAsync(Guid organization)
        {
            var email = $"client-{Guid.NewGuid():N}@golive.example";
            var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
            return await factory.CreateClientForAsync(email, password);
        }

        async Task<string> OpenAsync(HttpClient client, string priority) =>
            (await ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Help", body = "x", priority }))).GetProperty("priority").GetString()!;

        Assert.Equal("Urgent", await OpenAsync(await ClientOfAsync(live), "Normal"));
        Assert.Equal("Normal", await OpenAsync(await ClientOfAsync(live), "Low"));
        Assert.Equal("Normal", await OpenAsync(await ClientOfAsync(notLive), "Normal"));
        var staffOpened = await ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Call", body = "x", requesterName = "Client", organizationId = live, priority = "Normal" }));
        Assert.Equal("Urgent", staffOpened.GetProperty("priority").GetString());
        Assert.NotNull((await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{live}")).GetProperty("goLiveSupportUntil").GetString());

        // The health score: 3 open tickets, 2 of them urgent (counted twice): 100 - min(40, 10 x 5) = 60, "watch".
        var health = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{live}")).GetProperty("health");
        Assert.Equal(60, health.GetProperty("score").GetInt32());
        Assert.Equal("watch", health.GetProperty("band").GetString());
        Assert.Equal(3, health.GetProperty("openTickets").GetInt32());
        Assert.Equal(100, (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{notLive}")).GetProperty("health").GetProperty("score").GetInt32() + 10); // one open ticket

        // After the configured 10 days, the client's tickets are ordinary again.
        factory.Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromMinutes(1)));
        var liveClient = await ClientOfAsync(live);
        Assert.Equal("Normal", await OpenAsync(liveClient, "Normal"));

        // Ten days on, five steps are overdue (45 off, the most) and four tickets are open (40 off, the most): 15, at risk.
        health = (await liveClient.GetFromJsonAsync<JsonElement>($"/api/onboarding/{live}")).GetProperty("health");
        Assert.Equal(5, health.GetProperty("overdueSteps").GetInt32());
        Assert.Equal(15, health.GetProperty("score").GetInt32());
        Assert.Equal("at-risk", health.GetProperty("band").GetString());
        Assert.Contains("Health <strong>15/100</strong>", await liveClient.GetStringAsync("/onboarding/mine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOnboardingCall_LinksToTheBookingPage_AndABookedCallOfTheClientCompletesIt()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (organization, specialist) = await WonClientAsync(factory, admin);
        var email = $"client-{Guid.NewGuid():N}@call.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        var client = await factory.CreateClientForAsync(email, password);
        Assert.Contains("?type=strategic-90", await client.GetStringAsync("/onboarding/mine"), StringComparison.Ordinal);

        async Task DeliverAsync(MeetingBooked booked)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var subscriber = scope.ServiceProvider.GetServices<IEventSubscriber<MeetingBooked>>().OfType<CompleteCallOnMeeting>().Single();
            await subscriber.HandleAsync(booked, new StoredEventInfo(0, Guid.NewGuid(), "scheduling.meeting-booked", booked.BookedAt), CancellationToken.None);
        }

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        MeetingBooked Booking(Guid? org, string type) => new(Guid.NewGuid(), org, specialist, null, type, now.AddDays(1), now.AddDays(1).AddMinutes(90), email, now);
        await DeliverAsync(Booking(organization, "discovery-30")); // another meeting type
        await DeliverAsync(Booking(Guid.NewGuid(), "strategic-90")); // another organization
        await DeliverAsync(Booking(null, "strategic-90")); // a prospect without an organization
        Assert.Equal("pending", Step(await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}"), "onboarding-call").GetProperty("status").GetString());

        var call = Booking(organization, "strategic-90");
        await DeliverAsync(call);
        await DeliverAsync(call); // delivered again: the first completion stands
        var step = Step(await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}"), "onboarding-call");
        Assert.Equal("done", step.GetProperty("status").GetString());
        Assert.Contains(call.BookingId.ToString(), step.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"book-onboarding-call\"", await client.GetStringAsync("/onboarding/mine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnePaidInvoice_RecordedManyTimesAtOnce_IsKeptOnce_AndCompletesThePaymentStepOnce_EveryRound()
    {
        for (var round = 0; round < 8; round++)
        {
            var organization = Guid.NewGuid();
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<OnboardingDesk>().StartAsync(
                    new Nqba.Server.Modules.Pipeline.DealWon(Guid.NewGuid(), organization, null, null, "nqba-core", 1000m, "USD", factory.Clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            }

            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<OnboardingDesk>().RecordPaymentAsync(organization, new RecordPaymentRequest("INV-RACE", 1000m, "USD", "paid"), $"racer-{i}", CancellationToken.None)).Succeeded;
            }));

            Assert.Equal(1, results.Count(ok => ok));
            await using var check = factory.Services.CreateAsyncScope();
            var onboarding = (await check.ServiceProvider.GetRequiredService<OnboardingQueries>().ForOrganizationAsync(organization, CancellationToken.None))!;
            Assert.Single(onboarding.Payments);
            var payment = onboarding.Steps.Single(s => s.Step == "payment");
            Assert.Equal("done", payment.Status);
            Assert.Contains("INV-RACE", payment.Evidence, StringComparison.Ordinal);
        }
    }
}
