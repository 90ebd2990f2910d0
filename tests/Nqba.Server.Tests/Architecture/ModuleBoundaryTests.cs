using NetArchTest.Rules;

namespace Nqba.Server.Tests.Architecture;

public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Access", "Intake", "Monitoring", "Optimization", "Scheduling", "Support"];

    public static TheoryData<string, string> ModulePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in Modules)
        {
            foreach (var b in Modules.Where(b => b != a))
            {
                data.Add(a, b);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void Module_DoesNotReachIntoAnotherModulesInternals(string module, string other)
    {
        // A module may use another module's public contract (its namespace root) but not its sub-namespaces
        // (persistence, feature folders), where its tables and internals live.
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespaceStartingWith($"Nqba.Server.Modules.{module}")
            .ShouldNot().HaveDependencyOnAny(
                $"Nqba.Server.Modules.{other}.Persistence",
                $"Nqba.Server.Modules.{other}.Users",
                $"Nqba.Server.Modules.{other}.Organizations",
                $"Nqba.Server.Modules.{other}.ApiKeys",
                $"Nqba.Server.Modules.{other}.Authentication",
                $"Nqba.Server.Modules.{other}.Leads",
                $"Nqba.Server.Modules.{other}.Contacts",
                $"Nqba.Server.Modules.{other}.Assessment",
                $"Nqba.Server.Modules.{other}.Routing",
                $"Nqba.Server.Modules.{other}.Response",
                $"Nqba.Server.Modules.{other}.Pages",
                $"Nqba.Server.Modules.{other}.Resources",
                $"Nqba.Server.Modules.{other}.Catalog",
                $"Nqba.Server.Modules.{other}.Checks",
                $"Nqba.Server.Modules.{other}.Uptime",
                $"Nqba.Server.Modules.{other}.Incidents",
                $"Nqba.Server.Modules.{other}.Maintenance",
                $"Nqba.Server.Modules.{other}.StatusPage",
                $"Nqba.Server.Modules.{other}.Notifications",
                $"Nqba.Server.Modules.{other}.Runbooks",
                $"Nqba.Server.Modules.{other}.ServiceLevels",
                $"Nqba.Server.Modules.{other}.Sla",
                $"Nqba.Server.Modules.{other}.Solving",
                $"Nqba.Server.Modules.{other}.Jobs",
                $"Nqba.Server.Modules.{other}.Knowledge",
                $"Nqba.Server.Modules.{other}.Chat.Persistence",
                $"Nqba.Server.Modules.{other}.Chat.Bot",
                $"Nqba.Server.Modules.{other}.Availability",
                $"Nqba.Server.Modules.{other}.Bookings",
                $"Nqba.Server.Modules.{other}.MeetingTypes",
                $"Nqba.Server.Modules.{other}.Invites",
                $"Nqba.Server.Modules.{other}.Reminders",
                $"Nqba.Server.Modules.{other}.Briefings",
                $"Nqba.Server.Modules.{other}.Tickets",
                $"Nqba.Server.Modules.{other}.Channels",
                $"Nqba.Server.Modules.{other}.Assignment",
                $"Nqba.Server.Modules.{other}.Surveys")
            .GetResult();

        Assert.True(result.IsSuccessful, $"{module} depends on {other}'s internals: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Platform_DoesNotDependOnModules()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespaceStartingWith("Nqba.Server.Platform")
            .And().DoNotResideInNamespace("Nqba.Server.Platform.Cli")
            .And().DoNotResideInNamespace("Nqba.Server.Platform.Web")
            .ShouldNot().HaveDependencyOn("Nqba.Server.Modules")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
