using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Browser.Tests;

public sealed class StatusPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A component with 95 days of history: up, one hour down three days ago, up since.</summary>
    private async Task<string> SeedHistoryAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var now = DateTime.UtcNow;
        var key = "bt-" + Guid.NewGuid().ToString("N")[..8];
        var component = new MonitoredComponent
        {
            Id = Guid.NewGuid(),
            Key = key,
            Name = "Browser Test Service",
            UnitCode = "goliath-trade",
            UnitName = "Goliath Trade",
            TargetPercent = 99.9m,
            State = ServiceState.Up,
            StateSince = now.Date.AddDays(-3).AddHours(11),
            CreatedAt = now.AddDays(-95),
            SortOrder = 99,
        };
        var downFrom = now.Date.AddDays(-3).AddHours(10);
        db.Components.Add(component);
        db.StateIntervals.AddRange(
            new StateInterval { Id = Guid.NewGuid(), ComponentId = component.Id, State = ServiceState.Up, From = now.AddDays(-95), To = downFrom },
            new StateInterval { Id = Guid.NewGuid(), ComponentId = component.Id, State = ServiceState.Down, From = downFrom, To = downFrom.AddHours(1) },
            new StateInterval { Id = Guid.NewGuid(), ComponentId = component.Id, State = ServiceState.Up, From = downFrom.AddHours(1) });
        await db.SaveChangesAsync();
        return key;
    }

    [Fact]
    public async Task StatusPage_WithoutSignIn_OnAPhone_Shows90BarsWithTheDownDay()
    {
        var key = await SeedHistoryAsync();
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync("/status");

        var bars = page.Locator($"[data-testid=bars-{key}] .bar");
        Assert.Equal(90, await bars.CountAsync());
        var states = await bars.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.state)");
        Assert.Equal("Down", states[86]);
        Assert.Equal("Up", states[89]);
        Assert.Equal("Up", states[0]);
        Assert.Equal(89, states.Count(s => s == "Up"));
        // The down colour (--danger, 6.1:1 on white).
        Assert.Equal("rgb(180, 35, 24)", await bars.Nth(86).EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Contains("Goliath Trade", await page.Locator("[data-testid=unit-goliath-trade] h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"));
    }

    [Fact]
    public async Task StatusPage_SpeaksGermanAndJapanese()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/status?lang=de");
        var german = await page.Locator("h1").InnerTextAsync();
        await page.GotoAsync("/status?lang=ja");
        var japanese = await page.Locator("h1").InnerTextAsync();

        Assert.Equal("Systemstatus", german);
        Assert.Equal("システムステータス", japanese);
    }
}
