using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Platform.Security;
using Nqba.Testing;
using static Nqba.Server.Tests.Insights.EventLogSeed;

namespace Nqba.Server.Tests.Insights;

/// <summary>The KPI API's validation, CSV export, the dashboard and drill-down pages, and the weekly report mail.</summary>
public sealed class InsightsApiTests(InsightsApiTests.Factory factory) : IClassFixture<InsightsApiTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    [Theory]
    [InlineData("/api/insights/kpis?period=year", "period")]
    [InlineData("/api/insights/kpis?unit=no-such-unit", "unit")]
    [InlineData("/api/insights/kpis?from=yesterday", "from")]
    [InlineData("/api/insights/kpis?from=0001-01-01", "from")]
    [InlineData("/api/insights/kpis.csv?period=daily", "period")]
    [InlineData("/api/insights/kpis/nps/records?unit=%00", "unit")]
    public async Task BadQueryValues_Are400Problems_NamingTheParameter(string url, string parameter)
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownKpi_Is404()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/insights/kpis/happiness/records");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Csv_HasAHeaderAndOneRowPerKpi_WithTheFormula()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/insights/kpis.csv?period=week&unit=sigma-select");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("id,name,unit,business_unit,period_start,period_end,value,target,status,records,formula,unavailable", lines[0], StringComparison.Ordinal);
        Assert.Equal(18, lines.Length); // header + 9 computable + 8 not yet
        Assert.Contains(lines, l => l.StartsWith("lead-response-time,Lead response time,min,sigma-select,", StringComparison.Ordinal) && l.Contains("median", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("uptime,Uptime,%,all,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_ShowsTiles_TheTrendCharts_AndTheKpisNotYetComputable_InTheUsersLanguage()
    {
        var captured = Utc(2025, 9, 3, 9);
        var lead = Guid.NewGuid();
        await AppendAsync(
            factory,
            (new LeadCaptured(lead, null, LeadSource.WebForm, captured), captured),
            (new LeadRouted(lead, null, Guid.NewGuid(), "sigma-select", "r", "rules", captured.AddMinutes(4)), captured.AddMinutes(4)));
        var admin = await factory.CreateAdminClientAsync();

        var html = await admin.GetStringAsync("/insights?period=month&from=2025-09-10");

        Assert.Contains("<title>Executive dashboard · NQBA</title>", html, StringComparison.Ordinal);
        Assert.Matches("data-kpi=\"lead-response-time\" data-status=\"green\"", html);
        Assert.Contains("4 min", html, StringComparison.Ordinal);
        Assert.Contains("On target", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"trend-lead-response-time\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Monthly recurring revenue", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/insights/lead-response-time?period=month&amp;from=2025-09-10\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/insights/kpis.csv?period=month&amp;from=2025-09-10", html, StringComparison.Ordinal);

        var german = await admin.GetStringAsync("/insights?period=month&from=2025-09-10&lang=de");
        Assert.Contains("Management-Dashboard", german, StringComparison.Ordinal);
        Assert.Contains("Im Ziel", german, StringComparison.Ordinal);

        var drill = await admin.GetStringAsync("/insights/lead-response-time?period=month&from=2025-09-10");
        Assert.Contains($"data-subject=\"{lead}\"", drill, StringComparison.Ordinal);
        Assert.Contains($"href=\"/leads/{lead}\"", drill, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"kpi-formula\"", drill, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/insights?period=forever")]
    [InlineData("/insights?from=2025-13-45&unit=nope")]
    [InlineData("/insights/no-such-kpi")]
    [InlineData("/insights/nps?period=%FF")]
    public async Task Pages_AnswerBadInput_WithAMessage_NeverA500(string url)
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("not valid", StringComparison.Ordinal) || html.Contains("There is no such KPI", StringComparison.Ordinal), html);
    }

    [Fact]
    public async Task WeeklyReport_MailsLastWeeksKpis_ToAdminsAndExecutives_NotToOtherStaff()
    {
        var executive = $"exec-{Guid.NewGuid():N}@insights.test";
        var sales = $"sales-{Guid.NewGuid():N}@insights.test";
        await factory.CreateUserAsync(executive, NqbaRoles.Executive);
        await factory.CreateUserAsync(sales, NqbaRoles.SalesRep);

        await factory.RunDueJobsAsync();

        var mails = await factory.SentMailsAsync(m => m.Subject?.StartsWith("Weekly KPI report", StringComparison.Ordinal) == true);
        var to = mails.SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).ToList();
        Assert.Contains(executive, to);
        Assert.Contains(NqbaFactory.AdminEmail, to);
        Assert.DoesNotContain(sales, to);
        var body = mails.First(m => m.To.Mailboxes.Any(b => b.Address == executive)).TextBody;
        Assert.Contains("Lead response time:", body, StringComparison.Ordinal);
        Assert.Contains("Target 5 min", body, StringComparison.Ordinal);
        Assert.Contains("/insights?period=week", body, StringComparison.Ordinal);
    }
}
