using Nqba.Server.Modules.Support.Assignment;

namespace Nqba.Server.Tests.Support;

public sealed class AssignmentTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");

    private static AgentCandidate Agent(Guid id, int open, int capacity = 10, string languages = "en", string skills = "", string region = "europe", DateTime? last = null) =>
        new(id, AgentChoice.Tags(languages), AgentChoice.Tags(skills), region, capacity, open, last);

    [Fact]
    public void Choose_NeedsEverySkillAndPrefersTheLanguage()
    {
        var chosen = AgentChoice.Choose([Agent(A, 0, skills: "billing"), Agent(B, 5, languages: "de,en", skills: "billing,sso"), Agent(C, 0, languages: "en", skills: "sso,billing")], ["sso", "billing"], "de", "europe");

        Assert.Equal(B, chosen);
    }

    [Fact]
    public void Choose_WeightsLoadByCapacity()
    {
        // 4 of 20 (20 %) is lighter than 3 of 10 (30 %).
        Assert.Equal(B, AgentChoice.Choose([Agent(A, 3, capacity: 10), Agent(B, 4, capacity: 20)], [], "en", "europe"));
    }

    [Fact]
    public void Choose_EqualLoads_GoRoundRobinToWhoeverWaitedLongest()
    {
        var now = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        var agents = new List<AgentCandidate> { Agent(A, 1, last: now.AddMinutes(-1)), Agent(B, 1, last: now.AddMinutes(-30)), Agent(C, 1, last: now.AddMinutes(-10)) };
        var order = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = AgentChoice.Choose(agents, [], "en", "europe")!.Value;
            order.Add(id);
            agents = agents.ConvertAll(a => a.Id == id ? a with { LastAssignedAt = now.AddMinutes(i) } : a);
        }

        Assert.Equal([B, C, A], order);
    }

    [Fact]
    public void Choose_PrefersTheTicketsRegion_AndSkipsAgentsAtCapacity()
    {
        Assert.Equal(B, AgentChoice.Choose([Agent(A, 0, region: "apac"), Agent(B, 8, region: "europe")], [], "en", "europe"));
        Assert.Equal(A, AgentChoice.Choose([Agent(A, 0, region: "apac"), Agent(B, 10, region: "europe")], [], "en", "europe"));
        Assert.Null(AgentChoice.Choose([Agent(A, 2, capacity: 2)], [], "en", "europe"));
    }

    [Fact]
    public void OnCall_RotatesThroughTheTeamShiftByShift()
    {
        var start = new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);
        var team = new SupportTeam { Code = "t", Name = "T", OnCallRotation = $"{A},{B},{C}", RotationStart = start, ShiftHours = 24 * 7 };

        Assert.Equal(A, OnCallRotation.OnCallAt(team, start));
        Assert.Equal(B, OnCallRotation.OnCallAt(team, start.AddDays(7)));
        Assert.Equal(C, OnCallRotation.OnCallAt(team, start.AddDays(20)));
        Assert.Equal(A, OnCallRotation.OnCallAt(team, start.AddDays(21)));
        Assert.Equal(C, OnCallRotation.OnCallAt(team, start.AddHours(-1)));
    }
}
