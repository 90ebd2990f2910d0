using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Support;

public sealed class SurveyTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private static readonly DateTime Solved = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);

    private static FcrTicket Ticket(int agentResponsesBeforeSolve, params double[] reopenAfterDays) =>
        new(Solved, [.. Enumerable.Range(0, agentResponsesBeforeSolve).Select(i => Solved.AddHours(-i - 1))], [.. reopenAfterDays.Select(d => Solved.AddDays(d))]);

    [Fact]
    public void Fcr_WorkedExample_CountsOnlyOneResponseSolvesNotReopenedWithinSevenDays()
    {
        var now = Solved.AddDays(30);
        FcrTicket[] tickets =
        [
            Ticket(1),          // solved by the first answer: FCR
            Ticket(1),          // FCR
            Ticket(1, 8),       // reopened after the window: still FCR
            Ticket(1, 3),       // reopened on day 3: not FCR
            Ticket(2),          // needed two answers: not FCR
            Ticket(0),          // closed without an answer (duplicate): left out
        ];

        var figures = FirstContactResolution.Compute(tickets, now);

        Assert.Equal(3, figures.ResolvedOnFirstContact);
        Assert.Equal(5, figures.Decided);
        Assert.Equal(60.0, figures.RatePercent);
        Assert.Equal(1, figures.SolvedWithoutAgentResponse);
    }

    [Fact]
    public void Fcr_SolvedLessThanSevenDaysAgo_IsPendingNotCountedAsSuccess()
    {
        var figures = FirstContactResolution.Compute([Ticket(1), Ticket(1, 1)], Solved.AddDays(2));

        Assert.Equal(1, figures.PendingReopenWindow);
        Assert.Equal(0, figures.ResolvedOnFirstContact);
        Assert.Equal(1, figures.Decided);
        Assert.Equal(0.0, figures.RatePercent);
    }

    [Fact]
    public async Task Csat_SentWhenSolved_AnsweredOnceThroughTheSignedLink()
    {
        var email = $"csat-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);
        var admin = await factory.CreateAdminClientAsync();
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Survey me", body = "please" }))).GetProperty("id").GetGuid();
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "Done." }));
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/status", new { status = "Solved" }));

        var mail = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject?.StartsWith("How did we do", StringComparison.Ordinal) == true)).FirstOrDefault();
        Assert.NotNull(mail);
        var token = Uri.UnescapeDataString(mail.TextBody!.Split("/support/survey/")[1].Trim());
        var anonymous = factory.CreateClient();

        var survey = await anonymous.GetFromJsonAsync<JsonElement>($"/api/support/surveys/{Uri.EscapeDataString(token)}");
        var outOfRange = await anonymous.PostAsJsonAsync($"/api/support/surveys/{Uri.EscapeDataString(token)}", new { score = 9 });
        var first = await anonymous.PostAsJsonAsync($"/api/support/surveys/{Uri.EscapeDataString(token)}", new { score = 5, comment = "Quick and clear" });
        var second = await anonymous.PostAsJsonAsync($"/api/support/surveys/{Uri.EscapeDataString(token)}", new { score = 1 });
        var forged = await anonymous.PostAsJsonAsync($"/api/support/surveys/{Uri.EscapeDataString(token[..^4] + "AAAA")}", new { score = 1 });
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/support/reports/satisfaction");

        Assert.Equal("Csat", survey.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(1, report.GetProperty("csatResponses").GetInt32());
        Assert.Equal(5.0, report.GetProperty("csatAverage").GetDouble());
        Assert.Equal(1, report.GetProperty("firstContactResolution").GetProperty("pendingReopenWindow").GetInt32());
    }

    [Fact]
    public async Task Nps_InvitesTheClientContactOnce_AnsweredFrom0To10WithACommentThroughTheSignedLink()
    {
        var email = $"nps-{Guid.NewGuid():N}@sakura.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.SakuraCapital);
        var client = await factory.CreateClientForAsync(email, password);
        var admin = await factory.CreateAdminClientAsync();
        await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "NPS contact", body = "question" }));

        var invited = await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/reports/nps/invite", null));
        var mail = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "How likely are you to recommend us?")).FirstOrDefault();
        var again = await SupportFactory.ReadAsync(await admin.PostAsync("/api/support/reports/nps/invite", null));
        Assert.NotNull(mail);
        var token = Uri.EscapeDataString(Uri.UnescapeDataString(mail.TextBody!.Split("/support/survey/")[1].Trim()));
        var anonymous = factory.CreateClient();

        var survey = await anonymous.GetFromJsonAsync<JsonElement>($"/api/support/surveys/{token}");
        var tooHigh = await anonymous.PostAsJsonAsync($"/api/support/surveys/{token}", new { score = 11 });
        var negative = await anonymous.PostAsJsonAsync($"/api/support/surveys/{token}", new { score = -1 });
        var answered = await anonymous.PostAsJsonAsync($"/api/support/surveys/{token}", new { score = 0, comment = "  Too slow on weekends  " });
        var second = await anonymous.PostAsJsonAsync($"/api/support/surveys/{token}", new { score = 10 });
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/support/reports/satisfaction");

        Assert.True(invited.GetInt32() >= 1);
        Assert.Equal(0, again.GetInt32());
        Assert.Equal("Nps", survey.GetProperty("kind").GetString());
        Assert.Equal(0, survey.GetProperty("minScore").GetInt32());
        Assert.Equal(10, survey.GetProperty("maxScore").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True(report.GetProperty("npsResponses").GetInt32() >= 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SupportDbContext>().Surveys.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Kind == SurveyKind.Nps && s.AnsweredAt != null).ToListAsync();
        var mine = Assert.Single(saved, s => s.Email == email);
        Assert.Equal(0, mine.Score);
        Assert.Equal("Too slow on weekends", mine.Comment);
    }
}
