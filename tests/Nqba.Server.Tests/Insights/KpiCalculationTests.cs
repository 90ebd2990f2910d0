using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Support;
using Nqba.Testing;
using static Nqba.Server.Tests.Insights.EventLogSeed;

namespace Nqba.Server.Tests.Insights;

/// <summary>
/// A worked example per KPI, the expected figures computed by hand: what happened is written to the event log, and the
/// API must compute the value, the status against the target, the breakdown and the records behind it. Each example
/// lives in a month of its own in 2025, so the examples do not see each other's events.
/// </summary>
public sealed class KpiCalculationTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly int[] NpsScores = [10, 9, 8, 6, 3];
    private static readonly int[] CsatScores = [5, 4, 4];

    [Fact]
    public async Task LeadResponseTime_IsTheMedianMinutesFromCaptureToRouting_OfTheLeadsCapturedInThePeriod()
    {
        var specialist = Guid.NewGuid();
        var leads = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var captured = Utc(2025, 1, 10, 10);
        await AppendAsync(
            factory,
            (new LeadCaptured(leads[0], null, LeadSource.WebForm, captured), captured),
            (new LeadCaptured(leads[1], null, LeadSource.Email, captured), captured),
            (new LeadCaptured(leads[2], null, LeadSource.Phone, captured), captured),
            (new LeadCaptured(leads[3], null, LeadSource.WebForm, captured), captured), // never routed: left out
            (new LeadRouted(leads[0], null, specialist, "sigma-select", "r", "rules", captured.AddMinutes(10)), captured.AddMinutes(10)),
            (new LeadRouted(leads[1], null, specialist, "sigma-select", "r", "rules", captured.AddMinutes(20)), captured.AddMinutes(20)),
            (new LeadRouted(leads[2], null, specialist, "flyfox-ai", "r", "rules", captured.AddMinutes(60)), captured.AddMinutes(60)),
            (new LeadRouted(leads[0], null, specialist, "sigma-select", "again", "manual", captured.AddDays(1)), captured.AddDays(1))); // a re-routing: the first counts

        var kpi = await KpiAsync("lead-response-time", "period=month&from=2025-01-15");

        Assert.Equal(20, kpi.GetProperty("value").GetDouble()); // 10, 20, 60 → median 20
        Assert.Equal(5, kpi.GetProperty("target").GetDouble());
        Assert.Equal("red", kpi.GetProperty("status").GetString()); // over the 15-minute amber threshold
        Assert.Equal("min", kpi.GetProperty("unit").GetString());
        Assert.Contains("median", kpi.GetProperty("formula").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, kpi.GetProperty("records").GetInt32());
        var trend = kpi.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(8, trend.Count);
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), trend[^1].GetProperty("periodStart").GetDateTime().ToUniversalTime());
        Assert.Equal(JsonValueKind.Null, trend[^2].GetProperty("value").ValueKind); // December: no data, not zero
        Assert.Equal(15, Breakdown(kpi)["sigma-select"]); // 10 and 20
        Assert.Equal(60, Breakdown(kpi)["flyfox-ai"]);

        var sigma = await KpiAsync("lead-response-time", "period=month&from=2025-01-15&unit=sigma-select");
        Assert.Equal(15, sigma.GetProperty("value").GetDouble());
        var goliath = await KpiAsync("lead-response-time", "period=month&from=2025-01-15&unit=goliath-trade");
        Assert.Equal(JsonValueKind.Null, goliath.GetProperty("value").ValueKind);
        Assert.Equal("none", goliath.GetProperty("status").GetString());

        var admin = await factory.CreateAdminClientAsync();
        var drill = await admin.GetFromJsonAsync<JsonElement>("/api/insights/kpis/lead-response-time/records?period=month&from=2025-01-15", Json);
        var records = drill.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(leads[..3].Order(), records.Select(r => r.GetProperty("subjectId").GetGuid()).Order());
        Assert.Equal([10.0, 20.0, 60.0], records.Select(r => r.GetProperty("value").GetDouble()).Order());
        Assert.All(records, r => Assert.Equal("lead", r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task DemoToClose_IsTheShareWon_OfTheDealsClosedAfterADemo()
    {
        var deals = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var demo = Utc(2025, 1, 20);
        var closed = Utc(2025, 2, 10);
        await AppendAsync(
            factory,
            (new DealStageChanged(deals[0], null, null, "qualification", "demo", "event", demo), demo),
            (new DealStageChanged(deals[1], null, null, "qualification", "demo", "event", demo), demo),
            (new DealStageChanged(deals[2], null, null, "qualification", "demo", "event", demo), demo),
            (new DealWon(deals[0], null, null, null, "goliath-trade", 1000m, "USD", closed), closed),
            (new DealLost(deals[1], null, null, "budget", closed), closed),
            (new DealLost(deals[2], null, null, "timing", closed), closed),
            (new DealWon(deals[3], null, null, null, "goliath-trade", 1000m, "USD", closed), closed)); // won without a demo: left out

        var kpi = await KpiAsync("demo-to-close", "period=month&from=2025-02-01");

        Assert.Equal(33.33, kpi.GetProperty("value").GetDouble()); // 1 won of 3 closed after a demo
        Assert.Equal("amber", kpi.GetProperty("status").GetString()); // under 35, at least 25
        Assert.Equal(3, kpi.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task SalesCycle_IsTheAverageDaysFromTheLeadsCaptureToTheWin()
    {
        var (lead1, lead2) = (Guid.NewGuid(), Guid.NewGuid());
        await AppendAsync(
            factory,
            (new LeadCaptured(lead1, null, LeadSource.WebForm, Utc(2025, 2, 1)), Utc(2025, 2, 1)),
            (new LeadCaptured(lead2, null, LeadSource.WebForm, Utc(2025, 2, 20)), Utc(2025, 2, 20)),
            (new DealWon(Guid.NewGuid(), null, lead1, null, "nqba-core", null, "USD", Utc(2025, 3, 3)), Utc(2025, 3, 3)), // 30 days
            (new DealWon(Guid.NewGuid(), null, lead2, null, "nqba-core", null, "USD", Utc(2025, 3, 12)), Utc(2025, 3, 12))); // 20 days

        var kpi = await KpiAsync("sales-cycle", "period=month&from=2025-03-31");

        Assert.Equal(25, kpi.GetProperty("value").GetDouble());
        Assert.Equal("green", kpi.GetProperty("status").GetString()); // target 30 days
        Assert.Equal(25, Breakdown(kpi)["nqba-core"]);
    }

    [Fact]
    public async Task OnboardingDuration_IsTheAverageDaysFromTheWonDealToGoLive_InTheUnitOfTheDeal()
    {
        var onboardings = Enumerable.Range(0, 3).Select(_ => (Onboarding: Guid.NewGuid(), Deal: Guid.NewGuid())).ToArray();
        var won = Utc(2025, 4, 1);
        var events = new List<(Nqba.Server.Platform.Events.IDomainEvent, DateTime)>();
        double[] hours = [72, 96, 120];
        for (var i = 0; i < 3; i++)
        {
            events.Add((new DealWon(onboardings[i].Deal, null, null, null, i == 0 ? "flyfox-ai" : "sigma-select", null, "USD", won), won));
            events.Add((new OnboardingStarted(onboardings[i].Onboarding, null, onboardings[i].Deal, won), won));
            events.Add((new ClientWentLive(onboardings[i].Onboarding, null, hours[i], won.AddHours(hours[i])), won.AddHours(hours[i])));
        }

        await AppendAsync(factory, [.. events]);

        var kpi = await KpiAsync("onboarding-duration", "period=month&from=2025-04-01");

        Assert.Equal(4, kpi.GetProperty("value").GetDouble()); // 3, 4 and 5 days
        Assert.Equal("green", kpi.GetProperty("status").GetString()); // target: under 4 days on average
        Assert.Equal(3, Breakdown(kpi)["flyfox-ai"]);
        Assert.Equal(4.5, Breakdown(kpi)["sigma-select"]);
    }

    [Fact]
    public async Task NpsAndCsat_AreComputedFromTheSurveyAnswersOfThePeriod()
    {
        var at = Utc(2025, 5, 5);
        await AppendAsync(
            factory,
            [.. NpsScores.Select(s => ((Nqba.Server.Platform.Events.IDomainEvent)new SurveyAnswered(Guid.NewGuid(), null, null, "nps", s, at), at)),
             .. CsatScores.Select(s => ((Nqba.Server.Platform.Events.IDomainEvent)new SurveyAnswered(Guid.NewGuid(), null, Guid.NewGuid(), "csat", s, at), at))]);

        var nps = await KpiAsync("nps", "period=month&from=2025-05-01");
        var csat = await KpiAsync("csat", "period=month&from=2025-05-01");

        Assert.Equal(0, nps.GetProperty("value").GetDouble()); // 40 % promoters − 40 % detractors
        Assert.Equal("red", nps.GetProperty("status").GetString());
        Assert.Equal(4.33, csat.GetProperty("value").GetDouble()); // 13 / 3
        Assert.Equal("amber", csat.GetProperty("status").GetString()); // under 4.5, at least 4
    }

    [Fact]
    public async Task FirstContactResolution_CountsOneResponseSolvesNotReopenedWithinSevenDays()
    {
        var t = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var at = Utc(2025, 6, 2);
        TicketSolved Solved(Guid id, int responses, DateTime when) => new(id, null, TicketPriority.Normal, TicketChannel.Email, null, responses, when);
        await AppendAsync(
            factory,
            (Solved(t[0], 1, at), at), // resolved
            (Solved(t[1], 1, at), at),
            (Solved(t[1], 2, at.AddDays(3)), at.AddDays(3)), // reopened and solved again within 7 days: not resolved
            (Solved(t[2], 2, at), at), // two responses: not resolved
            (Solved(t[3], 0, at), at), // no agent response (a duplicate): left out
            (Solved(t[4], 1, at.AddDays(10)), at.AddDays(10))); // resolved

        var kpi = await KpiAsync("first-contact-resolution", "period=month&from=2025-06-01");

        Assert.Equal(50, kpi.GetProperty("value").GetDouble()); // 2 of 4 decided
        Assert.Equal(4, kpi.GetProperty("records").GetInt32());
        Assert.Equal("red", kpi.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FirstResponse_IsTheShareOfTicketsWhoseFirstResponseClockDidNotBreach_PerChannel()
    {
        var t = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var at = Utc(2025, 7, 7, 9);
        await AppendAsync(
            factory,
            (new TicketOpened(t[0], null, TicketPriority.Normal, TicketChannel.Email, at), at),
            (new TicketOpened(t[1], null, TicketPriority.Normal, TicketChannel.Email, at), at),
            (new TicketOpened(t[2], null, TicketPriority.Normal, TicketChannel.Chat, at), at),
            (new TicketOpened(t[3], null, TicketPriority.Normal, TicketChannel.Chat, at), at),
            (new SlaBreached(t[2], null, SlaClockKind.FirstResponse, TicketPriority.Normal, null, null, at.AddMinutes(1), at.AddMinutes(1)), at.AddMinutes(1)),
            (new SlaBreached(t[1], null, SlaClockKind.Resolution, TicketPriority.Normal, null, null, at.AddDays(2), at.AddDays(2)), at.AddDays(2))); // not the first response

        var kpi = await KpiAsync("first-response", "period=month&from=2025-07-01");

        Assert.Equal(75, kpi.GetProperty("value").GetDouble());
        Assert.Equal("channel", kpi.GetProperty("breakdownBy").GetString());
        Assert.Equal(50, Breakdown(kpi)["chat"]);
        Assert.Equal(100, Breakdown(kpi)["email"]);
    }

    [Fact]
    public async Task Uptime_IsAvailableTimeOverMeasuredTime_PerComponent_WithMaintenanceLeftOut()
    {
        var (x, y) = (Guid.NewGuid(), Guid.NewGuid());
        ComponentStateChanged Change(Guid id, string name, ServiceState from, ServiceState to, DateTime at) => new(id, name.ToLowerInvariant(), name, from, to, null, at);
        await AppendAsync(
            factory,
            (Change(x, "Api", ServiceState.Unknown, ServiceState.Up, Utc(2025, 7, 31)), Utc(2025, 7, 31)), // up since before August
            (Change(x, "Api", ServiceState.Up, ServiceState.Down, Utc(2025, 8, 10)), Utc(2025, 8, 10)),
            (Change(x, "Api", ServiceState.Down, ServiceState.Up, Utc(2025, 8, 10, 6)), Utc(2025, 8, 10, 6)), // 6 h down of 744 h
            (Change(y, "Database", ServiceState.Unknown, ServiceState.Up, Utc(2025, 8, 1)), Utc(2025, 8, 1)),
            (Change(y, "Database", ServiceState.Up, ServiceState.Maintenance, Utc(2025, 8, 15)), Utc(2025, 8, 15)),
            (Change(y, "Database", ServiceState.Maintenance, ServiceState.Up, Utc(2025, 8, 15, 12)), Utc(2025, 8, 15, 12))); // 732 h measured, none down

        var kpi = await KpiAsync("uptime", "period=month&from=2025-08-01");

        Assert.Equal(99.19, Breakdown(kpi)["Api"]); // 738 / 744 h
        Assert.Equal(100, Breakdown(kpi)["Database"]);
        Assert.Equal(99.59, kpi.GetProperty("value").GetDouble()); // 1470 / 1476 h
        Assert.Equal("red", kpi.GetProperty("status").GetString()); // under 99.9
        Assert.False(kpi.GetProperty("perUnit").GetBoolean());
    }

    [Fact]
    public async Task KpisWithoutTheirEvents_SayWhy_AndHaveNoValue()
    {
        var admin = await factory.CreateAdminClientAsync();

        var kpis = await admin.GetFromJsonAsync<List<JsonElement>>("/api/insights/kpis?period=quarter&from=2020-01-01", Json);

        Assert.All(kpis!, k => Assert.Equal(JsonValueKind.Null, k.GetProperty("value").ValueKind));
        Assert.All(kpis!, k => Assert.Equal("none", k.GetProperty("status").GetString()));
        var mrr = kpis!.Single(k => k.GetProperty("id").GetString() == "mrr");
        Assert.Contains("Marketplace", mrr.GetProperty("unavailable").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, kpis!.Single(k => k.GetProperty("id").GetString() == "nps").GetProperty("unavailable").ValueKind);
    }

    private async Task<JsonElement> KpiAsync(string id, string query)
    {
        var admin = await factory.CreateAdminClientAsync();
        var kpis = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/insights/kpis?{query}", Json);
        return kpis!.Single(k => k.GetProperty("id").GetString() == id);
    }

    private static Dictionary<string, double> Breakdown(JsonElement kpi) =>
        kpi.GetProperty("breakdown").EnumerateArray().ToDictionary(b => b.GetProperty("group").GetString()!, b => b.GetProperty("value").GetDouble());
}
