using System.Diagnostics;
using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace Nqba.Optimization.Problems;

/// <summary>
/// The CP-SAT model of a <see cref="BatchSchedulingProblem"/>, one per unit: for each (request, specialist) pair with
/// possible starts, a presence literal and a start variable whose domain is those starts; at most one presence per
/// request; per specialist a NoOverlap over intervals [start, end + buffer) and, when buffers differ, a second one
/// over [start − buffer, end), which together keep the larger buffer between any two meetings.
/// </summary>
internal static class BatchCpSatModel
{
    public static (int[] CandidateOf, bool Proven, double Bound) Solve(BatchSchedulingProblem problem, TimeSpan timeLimit, int workers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var hint = new BatchLocalSearch(problem, 1).Greedy();
        var choice = Enumerable.Repeat(-1, problem.Requests.Count).ToArray();
        var units = Enumerable.Range(0, problem.Requests.Count)
            .Where(r => problem.PlacementOptions(r) > 0)
            .GroupBy(r => problem.Requests[r].Unit)
            .OrderBy(g => g.Key)
            .ToArray();
        var proven = true;
        var bound = 0.0;
        for (var u = 0; u < units.Length; u++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                proven = false;
                bound += units[u].Sum(r => problem.Requests[r].Weight);
                continue;
            }

            var remaining = timeLimit - clock.Elapsed;
            var share = remaining / (units.Length - u);
            var (unitProven, unitBound) = SolveUnit(problem, [.. units[u]], hint, choice, share > TimeSpan.Zero ? share : TimeSpan.FromMilliseconds(1), workers, cancellationToken);
            proven &= unitProven;
            bound += unitBound;
        }

        return (choice, proven, bound);
    }

    private static (bool Proven, double Bound) SolveUnit(
        BatchSchedulingProblem problem, int[] requests, int[] hint, int[] choice, TimeSpan timeLimit, int workers, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var variables = new List<(int Request, int Specialist, BoolVar Present, IntVar Start)>();
        var intervalsAfter = new Dictionary<int, List<IntervalVar>>();
        var intervalsBefore = new Dictionary<int, List<IntervalVar>>();
        var uniformBuffer = requests.Select(r => problem.Requests[r].BufferMinutes).Distinct().Count() <= 1;
        var objective = new List<(BoolVar Var, long Coefficient)>();
        foreach (var r in requests)
        {
            var q = problem.Requests[r];
            var list = problem.Candidates[r];
            var presences = new List<BoolVar>();
            var c = 0;
            while (c < list.Count)
            {
                var specialist = list.Specialist[c];
                var first = c;
                while (c < list.Count && list.Specialist[c] == specialist)
                {
                    c++;
                }

                var starts = list.Start[first..c].Select(t => (long)t).ToArray();
                var present = model.NewBoolVar($"p{r}_{specialist}");
                var start = model.NewIntVarFromDomain(Domain.FromValues(starts), $"t{r}_{specialist}");
                presences.Add(present);
                variables.Add((r, specialist, present, start));
                objective.Add((present, problem.Score(r, specialist)));
                Add(intervalsAfter, specialist, model.NewOptionalFixedSizeIntervalVar(start, q.DurationMinutes + q.BufferMinutes, present, $"a{r}_{specialist}"));
                if (!uniformBuffer)
                {
                    Add(intervalsBefore, specialist, model.NewOptionalFixedSizeIntervalVar(start - q.BufferMinutes, q.DurationMinutes + q.BufferMinutes, present, $"b{r}_{specialist}"));
                }

                var hinted = hint[r] >= 0 && list.Specialist[hint[r]] == specialist;
                model.AddHint(present, hinted);
                model.AddHint(start, hinted ? list.Start[hint[r]] : starts[0]);
            }

            model.AddAtMostOne(presences);
        }

        foreach (var intervals in intervalsAfter.Values.Concat(intervalsBefore.Values))
        {
            model.AddNoOverlap(intervals);
        }

        model.Maximize(LinearExpr.WeightedSum(objective.Select(o => o.Var), objective.Select(o => o.Coefficient)));
        var (status, solver) = CpSatRunner.Solve(model, timeLimit, workers, 1, cancellationToken);
        var upper = requests.Sum(r => problem.Requests[r].Weight);
        if (!CpSatRunner.HasSolution(status))
        {
            return (false, upper);
        }

        foreach (var (r, specialist, present, start) in variables)
        {
            if (solver.BooleanValue(present))
            {
                var list = problem.Candidates[r];
                var t = (int)solver.Value(start);
                choice[r] = Enumerable.Range(0, list.Count).First(k => list.Specialist[k] == specialist && list.Start[k] == t);
            }
        }

        // The bound is on the scaled score; weight · scale · factor + preferred ≤ bound gives the weight part.
        // Rounding each weight to 1/WeightScale moves the total by at most half a unit per request.
        var weightBound = (Math.Floor(solver.BestObjectiveBound / problem.TieBreakFactor) + (0.5 * requests.Length)) / BatchSchedulingProblem.WeightScale;
        return (status == CpSolverStatus.Optimal, Math.Min(upper, weightBound));
    }

    private static void Add(Dictionary<int, List<IntervalVar>> bySpecialist, int specialist, IntervalVar interval)
    {
        if (!bySpecialist.TryGetValue(specialist, out var list))
        {
            bySpecialist[specialist] = list = [];
        }

        list.Add(interval);
    }
}
