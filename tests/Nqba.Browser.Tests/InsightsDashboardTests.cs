using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Support;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>
/// Issue 21's executive dashboard: an executive sees the KPI tiles with value, target and status in words, the trend
/// charts with the target line and the breakdown by unit, and drills from a tile down to the records behind it.
/// </summary>
public sealed class InsightsDashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Month = "/insights?period=month&from=2026-06-15";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Executive_SeesTheTilesAndTrends_AndDrillsDownToTheLeads(int width, int height)
    {
        await SeedHistoryAsync();
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Executive, Month, axe: true);
        await page.SetViewportSizeAsync(width, height);
        await page.ReloadAsync();

        var tile = page.Locator("[data-kpi=lead-response-time]").First;
        Assert.Contains("On target", await tile.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("green", await tile.GetAttributeAsync("data-status"));
        var chart = page.Locator("[data-testid=trend-lead-response-time] svg");
        Assert.Contains("target", await chart.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 250, Height: > 120 }, $"the chart is {box?.Width}×{box?.Height}");
        Assert.Contains("Sigma Select", await page.InnerTextAsync("[data-testid=kpi-by-unit]"), StringComparison.Ordinal);
        Assert.Contains("Monthly recurring revenue", await page.InnerTextAsync("[data-testid=kpi-unavailable]"), StringComparison.Ordinal);
        await CheckAsync(page, $"insights-{width}-1-dashboard", width);

        await tile.Locator("a").ClickAsync();
        await page.WaitForPageAsync("**/insights/lead-response-time**");
        await page.WaitForSelectorAsync("[data-testid=kpi-records]");
        Assert.Equal(3, await page.Locator("[data-testid=kpi-records] tbody tr").CountAsync());
        Assert.Contains("median", await page.InnerTextAsync("[data-testid=kpi-formula]"), StringComparison.OrdinalIgnoreCase);
        await CheckAsync(page, $"insights-{width}-2-drill-down", width);
    }

    /// <summary>Six months of history, written to the event log as the modules would have (already dispatched).</summary>
    private async Task SeedHistoryAsync()
    {
        // Both viewports share the fixture's server: the history is written once.
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Events.AnyAsync(e => e.Type == "support.survey-answered"))
        {
            return;
        }

        var events = new List<(IDomainEvent Event, DateTime At)>();
        var specialist = Guid.NewGuid();
        for (var month = 1; month <= 6; month++)
        {
            var at = new DateTime(2026, month, 10, 9, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 3; i++)
            {
                var lead = Guid.NewGuid();
                var unit = i == 2 ? "flyfox-ai" : "sigma-select";
                events.Add((new LeadCaptured(lead, null, LeadSource.WebForm, at), at));
                events.Add((new LeadRouted(lead, null, specialist, unit, "r", "rules", at.AddMinutes((month % 3) + 1 + i)), at.AddMinutes((month % 3) + 1 + i)));
                var deal = Guid.NewGuid();
                events.Add((new DealStageChanged(deal, null, lead, "qualification", "demo", "event", at), at));
                events.Add(i == 0
                    ? (new DealWon(deal, null, lead, null, unit, 5000m, "USD", at.AddDays(10 + month)), at.AddDays(10 + month))
                    : (new DealLost(deal, null, lead, "budget", at.AddDays(12)), at.AddDays(12)));
                events.Add((new SurveyAnswered(Guid.NewGuid(), null, null, "csat", 3 + ((i + month) % 3), at), at));
                events.Add((new TicketOpened(Guid.NewGuid(), null, TicketPriority.Normal, i == 0 ? TicketChannel.Chat : TicketChannel.Email, at), at));
            }
        }

        var component = Guid.NewGuid();
        events.Add((new ComponentStateChanged(component, "api", "API", ServiceState.Unknown, ServiceState.Up, null, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        events.Add((new ComponentStateChanged(component, "api", "API", ServiceState.Up, ServiceState.Down, null, new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc)), new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc)));
        events.Add((new ComponentStateChanged(component, "api", "API", ServiceState.Down, ServiceState.Up, null, new DateTime(2026, 3, 3, 1, 0, 0, DateTimeKind.Utc)), new DateTime(2026, 3, 3, 1, 0, 0, DateTimeKind.Utc)));

        foreach (var (e, at) in events)
        {
            db.Events.Add(new StoredEvent
            {
                EventId = Guid.CreateVersion7(),
                Type = EventTypeRegistry.NameOf(e.GetType()),
                Payload = JsonSerializer.Serialize(e, e.GetType(), EventLogExtensions.PayloadJson),
                OrganizationId = e.OrganizationId,
                OccurredAt = at,
                DispatchedAt = at,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        await AxeCore.ScreenshotAsync(page, name);
        var violations = await AxeCore.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}):\n" + string.Join('\n', violations));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name} is {scrollWidth}px wide at a {width}px viewport");
    }
}
