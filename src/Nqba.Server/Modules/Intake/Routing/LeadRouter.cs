using System.Globalization;
using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>
/// Scores lead–specialist fit and routes: one lead at once (fast path), or a batch together through the optimization
/// engine's assignment problem (total fit maximal under capacities). Only specialists of the lead's unit with free
/// capacity are ever candidates. Pure: the caller reads loads and calendars.
/// </summary>
internal static class LeadRouter
{
    /// <summary>Fit of an ineligible pair (other unit, no capacity): the solver never takes it.</summary>
    public const double Ineligible = -1000;

    public static bool IsEligible(RoutingLead lead, RoutingSpecialist s) =>
        string.Equals(s.Info.UnitCode, lead.UnitCode, StringComparison.Ordinal) && s.FreeCapacity > 0;

    /// <summary>Fit 1–~140: language, region closeness, skills, load against capacity, availability, seniority (Hot), fairness.</summary>
    public static double Fit(RoutingLead lead, RoutingSpecialist s, IReadOnlyDictionary<string, RoutingRegion> regions, double fairShareDeficit)
    {
        if (!IsEligible(lead, s))
        {
            return Ineligible;
        }

        var fit = 10.0;
        fit += Speaks(s, lead.Language) ? 25 : 0;
        fit += Closeness(lead.RegionCode, s.Info.RegionCode, regions);
        fit += Math.Min(15, 5 * lead.Tags.Count(t => s.Info.Skills.Contains(t)));
        fit += 20.0 * (1 - ((double)s.OpenLoad / Math.Max(1, s.Info.Capacity)));
        fit += 10.0 * Math.Clamp(s.Availability, 0, 1);
        fit += lead.Tier == LeadTier.Hot ? 10.0 * (s.Info.Seniority - 1) : 0;
        fit += 10.0 * Math.Clamp(fairShareDeficit, -1, 1);
        return Math.Max(1, fit);
    }

    /// <summary>How far each specialist is below (+) or above (−) their capacity-weighted share of recent assignments in their unit.</summary>
    public static double[] FairShareDeficits(IReadOnlyList<RoutingSpecialist> specialists)
    {
        var deficits = new double[specialists.Count];
        foreach (var unit in specialists.Select((s, i) => (s, i)).GroupBy(x => x.s.Info.UnitCode))
        {
            var capacity = unit.Sum(x => Math.Max(1, x.s.Info.Capacity));
            var assigned = unit.Sum(x => x.s.RecentAssigned);
            foreach (var (s, i) in unit)
            {
                var share = (double)Math.Max(1, s.Info.Capacity) / capacity;
                var actual = assigned == 0 ? share : (double)s.RecentAssigned / assigned;
                deficits[i] = (share - actual) / share;
            }
        }

        return deficits;
    }

    /// <summary>Fast path: the best-fitting eligible specialist for one lead, with the reason.</summary>
    public static Result<RoutingChoice> RouteOne(RoutingLead lead, IReadOnlyList<RoutingSpecialist> specialists, IReadOnlyDictionary<string, RoutingRegion> regions)
    {
        var deficits = FairShareDeficits(specialists);
        int best = -1;
        double bestFit = double.NegativeInfinity;
        for (var i = 0; i < specialists.Count; i++)
        {
            var fit = Fit(lead, specialists[i], regions, deficits[i]);
            if (fit > Ineligible && fit > bestFit)
            {
                (best, bestFit) = (i, fit);
            }
        }

        if (best < 0)
        {
            return new Error("no_specialist", "No specialist available",
                $"No active specialist of unit '{lead.UnitCode}' has free capacity; route the lead later or raise a capacity.", StatusCodes.Status409Conflict);
        }

        return new RoutingChoice(lead.LeadId, specialists[best], bestFit, Explain(lead, best, specialists, regions, deficits));
    }

    /// <summary>Batch: all leads together, maximizing total fit under free capacities; leads that cannot be placed are left out.</summary>
    public static (List<RoutingChoice> Routed, List<Guid> Unrouted, ProblemSolution Solution) RouteBatch(
        IReadOnlyList<RoutingLead> leads, IReadOnlyList<RoutingSpecialist> specialists, IReadOnlyDictionary<string, RoutingRegion> regions, TimeSpan timeLimit)
    {
        var deficits = FairShareDeficits(specialists);
        var fit = FitMatrix(leads, specialists, regions, deficits);
        var problem = new AssignmentProblem(fit, [.. specialists.Select(s => s.FreeCapacity)], assignEveryItem: false);
        var solution = problem.Solve(new SolverOptions { TimeLimit = timeLimit });
        var routed = new List<RoutingChoice>();
        var unrouted = new List<Guid>();
        for (var i = 0; i < leads.Count; i++)
        {
            var a = solution.Choice[i];
            if (a < 0 || fit[i, a] <= Ineligible)
            {
                unrouted.Add(leads[i].LeadId);
                continue;
            }

            routed.Add(new RoutingChoice(leads[i].LeadId, specialists[a], fit[i, a], Explain(leads[i], a, specialists, regions, deficits) + " (batch of " + leads.Count.ToString(CultureInfo.InvariantCulture) + ", optimized for total fit)"));
        }

        return (routed, unrouted, solution);
    }

    public static double[,] FitMatrix(IReadOnlyList<RoutingLead> leads, IReadOnlyList<RoutingSpecialist> specialists, IReadOnlyDictionary<string, RoutingRegion> regions, double[] deficits)
    {
        var fit = new double[leads.Count, specialists.Count];
        for (var i = 0; i < leads.Count; i++)
        {
            for (var a = 0; a < specialists.Count; a++)
            {
                fit[i, a] = Fit(leads[i], specialists[a], regions, deficits[a]);
            }
        }

        return fit;
    }

    private static bool Speaks(RoutingSpecialist s, string language) => s.Info.Languages.Contains(language);

    private static double Closeness(string? clientRegion, string specialistRegion, IReadOnlyDictionary<string, RoutingRegion> regions)
    {
        if (clientRegion is null || !regions.TryGetValue(clientRegion, out var c) || !regions.TryGetValue(specialistRegion, out var s))
        {
            return 0;
        }

        if (c.Code == s.Code)
        {
            return 20;
        }

        var hours = Math.Abs(c.UtcOffsetHours - s.UtcOffsetHours);
        hours = Math.Min(hours, 24 - hours);
        return (c.ResidencyZone == s.ResidencyZone ? 6 : 0) + (10 * Math.Max(0, 1 - (hours / 12)));
    }

    private static string Explain(RoutingLead lead, int chosen, IReadOnlyList<RoutingSpecialist> specialists, IReadOnlyDictionary<string, RoutingRegion> regions, double[] deficits)
    {
        var s = specialists[chosen];
        var candidates = specialists.Where(x => IsEligible(lead, x)).ToList();
        var parts = new List<string>();
        var clientRegion = lead.RegionCode is not null && regions.TryGetValue(lead.RegionCode, out var r) ? r : null;
        parts.Add(clientRegion is null ? "client region unknown" : $"{clientRegion.Name} client");
        parts.Add(Speaks(s, lead.Language)
            ? $"speaks {CultureInfo.GetCultureInfo(lead.Language).EnglishName}"
            : $"no {lead.Unit()} specialist with free capacity speaks {CultureInfo.GetCultureInfo(lead.Language).EnglishName}");
        if (clientRegion is not null)
        {
            parts.Add(s.Info.RegionCode == clientRegion.Code ? "same region" : $"based in {(regions.TryGetValue(s.Info.RegionCode, out var sr) ? sr.Name : s.Info.RegionCode)}");
        }

        var matched = lead.Tags.Where(t => s.Info.Skills.Contains(t)).ToList();
        if (matched.Count > 0)
        {
            parts.Add("skills " + string.Join(", ", matched));
        }

        var ratio = (double)s.OpenLoad / Math.Max(1, s.Info.Capacity);
        var lowest = candidates.All(x => (double)x.OpenLoad / Math.Max(1, x.Info.Capacity) >= ratio);
        parts.Add(lowest
            ? $"lowest load among {candidates.Count} candidate{(candidates.Count == 1 ? string.Empty : "s")} ({s.OpenLoad}/{s.Info.Capacity} open)"
            : $"load {s.OpenLoad}/{s.Info.Capacity} open among {candidates.Count} candidates");
        if (lead.Tier == LeadTier.Hot && s.Info.Seniority >= 3)
        {
            parts.Add("senior specialist for a Hot lead");
        }

        if (deficits[chosen] > 0.2)
        {
            parts.Add("below their fair share of recent leads");
        }

        return string.Join(", ", parts);
    }

    private static string Unit(this RoutingLead lead) => lead.UnitCode;
}
