using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Tests.Intake;

public sealed class LeadRouterTests
{
    private static readonly Dictionary<string, RoutingRegion> Regions = new()
    {
        ["europe"] = new("europe", "Europe", "EU", 1),
        ["us-east"] = new("us-east", "US Eastern", "US", -5),
        ["apac"] = new("apac", "Asia-Pacific", "APAC", 9),
    };

    private static RoutingSpecialist Specialist(string name, string unit, string region, string languages, int capacity = 10, int load = 0, int seniority = 2, int recent = 0) =>
        new(new SpecialistInfo(Guid.NewGuid(), name, name + "@nqba.test", unit, region, languages.Split(','), ["ai-agents"], capacity, seniority), load, recent, 1.0);

    private static RoutingLead Lead(string unit = "flyfox-ai", string language = "de", string region = "europe", LeadTier tier = LeadTier.Warm) =>
        new(Guid.NewGuid(), unit, language, region, tier, ["ai-agents"]);

    [Fact]
    public void RouteOne_BetterFitInAnotherUnit_StaysInTheLeadsUnit()
    {
        var sameUnitFar = Specialist("Far", "flyfox-ai", "apac", "ja,en", load: 8);
        var otherUnitPerfect = Specialist("Perfect", "sigma-select", "europe", "de,en");

        var choice = LeadRouter.RouteOne(Lead(), [otherUnitPerfect, sameUnitFar], Regions);

        Assert.True(choice.Succeeded);
        Assert.Equal("Far", choice.Value.Specialist.Info.DisplayName);
    }

    [Fact]
    public void RouteOne_GermanEuClient_PicksGermanSpeakerAndSaysWhy()
    {
        var german = Specialist("Jonas", "flyfox-ai", "europe", "de,en", load: 2);
        var english = Specialist("Daniel", "flyfox-ai", "us-east", "en", load: 5);

        var choice = LeadRouter.RouteOne(Lead(), [english, german], Regions);

        Assert.Equal("Jonas", choice.Value!.Specialist.Info.DisplayName);
        Assert.Contains("Europe client", choice.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("speaks German", choice.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("lowest load among 2 candidates", choice.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteOne_SpecialistAtCapacity_IsSkipped_AndNoneLeftIsAnError()
    {
        var full = Specialist("Full", "flyfox-ai", "europe", "de", capacity: 3, load: 3);

        var choice = LeadRouter.RouteOne(Lead(), [full, Specialist("Other unit", "goliath-trade", "europe", "de")], Regions);

        Assert.False(choice.Succeeded);
        Assert.Equal("no_specialist", choice.Error.Code);
    }

    [Fact]
    public void RouteOne_HotLead_PrefersSeniorWhenOtherwiseEqual()
    {
        var junior = Specialist("Junior", "flyfox-ai", "europe", "de", seniority: 1);
        var senior = Specialist("Senior", "flyfox-ai", "europe", "de", seniority: 3);

        Assert.Equal("Senior", LeadRouter.RouteOne(Lead(tier: LeadTier.Hot), [junior, senior], Regions).Value!.Specialist.Info.DisplayName);
    }

    [Fact]
    public void RouteOne_EqualSpecialists_FavoursTheOneBelowTheirFairShare()
    {
        var busy = Specialist("Busy", "flyfox-ai", "europe", "de", recent: 9);
        var idle = Specialist("Idle", "flyfox-ai", "europe", "de", recent: 1);

        Assert.Equal("Idle", LeadRouter.RouteOne(Lead(), [busy, idle], Regions).Value!.Specialist.Info.DisplayName);
    }

    [Fact]
    public void RouteBatch_MoreLeadsThanCapacity_RespectsCapacityAndUnits()
    {
        var a = Specialist("A", "flyfox-ai", "europe", "de", capacity: 5, load: 2);
        var b = Specialist("B", "flyfox-ai", "us-east", "en", capacity: 4, load: 1);
        var other = Specialist("Other", "sigma-select", "europe", "de", capacity: 50);
        var leads = Enumerable.Range(0, 10).Select(i => Lead(language: i % 2 == 0 ? "de" : "en", region: i % 2 == 0 ? "europe" : "us-east")).ToList();

        var (routed, unrouted, solution) = LeadRouter.RouteBatch(leads, [a, b, other], Regions, TimeSpan.FromSeconds(2));

        Assert.True(solution.Feasible);
        Assert.Equal(6, routed.Count); // free capacity 3 + 3
        Assert.Equal(4, unrouted.Count);
        Assert.DoesNotContain(routed, r => r.Specialist.Info.DisplayName == "Other");
        Assert.Equal(3, routed.Count(r => r.Specialist.Info.DisplayName == "A"));
        Assert.Equal(3, routed.Count(r => r.Specialist.Info.DisplayName == "B"));
        Assert.All(routed.Where(r => r.Specialist.Info.DisplayName == "A"), r => Assert.Contains("speaks German", r.Reason, StringComparison.Ordinal));
    }
}
