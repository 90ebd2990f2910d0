using System.Globalization;
using System.Text;
using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;

namespace Nqba.Bench;

/// <summary>
/// Business problems: a 1,000-variable assignment (100 items × 10 agents) solved by the annealer within the budget
/// and exactly by min-cost flow, and small meeting-placement and portfolio instances against CP-SAT.
/// </summary>
internal sealed class BusinessBenchmark(BenchSettings settings)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Run()
    {
        var report = new StringBuilder();
        Assignment(report);
        Portfolio(report);
        Meetings(report);
        return report.ToString();
    }

    private void Assignment(StringBuilder report)
    {
        report.AppendLine(Invariant, $"### Assignment, 100 items × 10 agents (1,000 variables), capacity 12 each, annealer budget {settings.BusinessBudget.TotalMilliseconds:F0} ms (auto, 1 thread)").AppendLine();
        report.AppendLine("| seed | exact (min-cost flow) | exact ms | annealer | annealer gap | annealer ms | product `Solve` | product ms | target met (≤ 0.5 %, < 100 ms) |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        Warmup();
        for (var seed = 1; seed <= settings.BusinessSeeds; seed++)
        {
            var problem = RandomAssignment(100, 10, 12, seed);
            var exact = problem.SolveExact();
            var options = new SolverOptions { TimeLimit = settings.BusinessBudget, Seed = seed };
            var annealed = problem.SolveWithAnnealer(SolverFactory.Create("auto"), options);
            var product = problem.Solve(options);
            var gap = (exact.Objective - annealed.Objective) / exact.Objective;
            var met = annealed.Feasible && gap <= 0.005 && annealed.Elapsed < TimeSpan.FromMilliseconds(100);
            report.AppendLine(Invariant,
                $"| {seed} | {exact.Objective:F2} | {exact.Elapsed.TotalMilliseconds:F1} | {annealed.Objective:F2}{(annealed.Feasible ? string.Empty : " (infeasible)")} | {gap:P3} | {annealed.Elapsed.TotalMilliseconds:F1} | {product.Objective:F2} ({product.Method}) | {product.Elapsed.TotalMilliseconds:F1} | {(met ? "yes (annealer)" : product.ProvenOptimal ? "yes (exact path)" : "no")} |");
        }

        report.AppendLine();
    }

    private static void Portfolio(StringBuilder report)
    {
        report.AppendLine("### Portfolio: choose 10 of 40 assets, λ = 2, 1 s budget").AppendLine();
        report.AppendLine("| seed | CP-SAT | CP-SAT proven | CP-SAT ms | annealer | annealer ms | product `Solve` |").AppendLine("|---|---|---|---|---|---|---|");
        for (var seed = 1; seed <= 3; seed++)
        {
            var problem = RandomPortfolio(40, 10, seed);
            var options = new SolverOptions { TimeLimit = TimeSpan.FromSeconds(1), Seed = seed };
            var exact = problem.SolveExact(TimeSpan.FromSeconds(1));
            var annealed = problem.SolveWithAnnealer(SolverFactory.Create("auto"), options);
            var product = problem.Solve(options);
            report.AppendLine(Invariant,
                $"| {seed} | {exact.Objective:F5} | {exact.ProvenOptimal} | {exact.Elapsed.TotalMilliseconds:F0} | {annealed.Objective:F5} | {annealed.Elapsed.TotalMilliseconds:F0} | {product.Objective:F5} ({product.Method}) |");
        }

        report.AppendLine();
    }

    private static void Meetings(StringBuilder report)
    {
        report.AppendLine("### Meeting placement: 40 meetings, 10 slots, 5 rooms per slot, 60 conflicts, 1 s budget").AppendLine();
        report.AppendLine("| seed | CP-SAT | CP-SAT proven | CP-SAT ms | annealer | annealer feasible | annealer ms | product `Solve` |").AppendLine("|---|---|---|---|---|---|---|---|");
        for (var seed = 1; seed <= 3; seed++)
        {
            var problem = RandomMeetings(40, 10, 60, seed);
            var options = new SolverOptions { TimeLimit = TimeSpan.FromSeconds(1), Seed = seed };
            var exact = problem.SolveExact(TimeSpan.FromSeconds(1));
            var annealed = problem.SolveWithAnnealer(SolverFactory.Create("auto"), options);
            var product = problem.Solve(options);
            report.AppendLine(Invariant,
                $"| {seed} | {exact.Objective:F1} | {exact.ProvenOptimal} | {exact.Elapsed.TotalMilliseconds:F0} | {annealed.Objective:F1} | {annealed.Feasible} | {annealed.Elapsed.TotalMilliseconds:F0} | {product.Objective:F1} ({product.Method}) |");
        }

        report.AppendLine();
    }

    private void Warmup()
    {
        var problem = RandomAssignment(100, 10, 12, 1000);
        problem.SolveExact();
        problem.SolveWithAnnealer(SolverFactory.Create("auto"), new SolverOptions { TimeLimit = settings.BusinessBudget, Seed = 1 });
    }

    internal static AssignmentProblem RandomAssignment(int items, int agents, int capacity, int seed)
    {
        var random = new Random(seed);
        var fit = new double[items, agents];
        for (var i = 0; i < items; i++)
        {
            for (var a = 0; a < agents; a++)
            {
                fit[i, a] = Math.Round(random.NextDouble() * 100, 2);
            }
        }

        return new AssignmentProblem(fit, Enumerable.Repeat(capacity, agents).ToArray());
    }

    private static PortfolioSelectionProblem RandomPortfolio(int assets, int count, int seed)
    {
        var random = new Random(seed);
        var mean = Enumerable.Range(0, assets).Select(_ => 0.02 + (random.NextDouble() * 0.15)).ToArray();
        var beta = Enumerable.Range(0, assets).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var sector = Enumerable.Range(0, assets).Select(_ => random.Next(4)).ToArray();
        var covariance = new double[assets, assets];
        for (var i = 0; i < assets; i++)
        {
            for (var j = 0; j < assets; j++)
            {
                covariance[i, j] = (0.02 * beta[i] * beta[j]) + (sector[i] == sector[j] ? 0.01 : 0) + (i == j ? 0.03 * random.NextDouble() : 0);
            }
        }

        for (var i = 0; i < assets; i++)
        {
            for (var j = 0; j < i; j++)
            {
                covariance[i, j] = covariance[j, i];
            }
        }

        return new PortfolioSelectionProblem(mean, covariance, count, 2);
    }

    private static MeetingPlacementProblem RandomMeetings(int meetings, int slots, int conflicts, int seed)
    {
        var random = new Random(seed);
        var preference = new double[meetings, slots];
        for (var m = 0; m < meetings; m++)
        {
            for (var s = 0; s < slots; s++)
            {
                preference[m, s] = random.NextDouble() < 0.1 ? double.NaN : random.Next(0, 10);
            }
        }

        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < conflicts)
        {
            int a = random.Next(meetings), b = random.Next(meetings);
            if (a != b)
            {
                pairs.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        return new MeetingPlacementProblem(preference, pairs, Enumerable.Repeat(5, slots).ToArray());
    }
}
