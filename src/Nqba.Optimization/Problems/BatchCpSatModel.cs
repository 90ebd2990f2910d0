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
    private const long MaxCutWork = 2_000_000;

    public static (int[] CandidateOf, bool Proven, double Bound) Solve(BatchSchedulingProblem problem, TimeSpan timeLimit, int workers, int[]? hint, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        hint ??= new BatchLocalSearch(problem, 1).Greedy();
        var choice = Enumerable.Repeat(-1, problem.Requests.Count).ToArray();
        var units = Enumerable.Range(0, problem.Requests.Count)
            .Where(r => problem.PlacementOptions(r) > 0)
            .GroupBy(r => problem.Requests[r].Unit)
            .OrderBy(g => g.Sum(problem.PlacementOptions)) // small units usually finish early and leave their time to the large ones
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
        var energy = new Dictionary<(int Specialist, int Segment), List<BatchEnergyItem>>();
        var segments = new Dictionary<int, List<(MinuteInterval Free, bool EndsAtBusy)>>();
        foreach (var r in requests)
        {
            var q = problem.Requests[r];
            var list = problem.Candidates[r];
            var presences = new List<BoolVar>();
            var c = 0;
            while (c < list.Count)
            {
                // One optional interval per (specialist, free segment between busy times): the energy cuts below need
                // to know which stretch of free time the meeting uses.
                var specialist = list.Specialist[c];
                if (!segments.TryGetValue(specialist, out var free))
                {
                    segments[specialist] = free = FreeSegments(problem.Specialists[specialist]);
                }

                var availability = SegmentOf(free, list.Start[c], q.DurationMinutes);
                var first = c;
                while (c < list.Count && list.Specialist[c] == specialist && SegmentOf(free, list.Start[c], q.DurationMinutes) == availability)
                {
                    c++;
                }

                var starts = list.Start[first..c].Select(t => (long)t).ToArray();
                var present = model.NewBoolVar($"p{r}_{specialist}_{availability}");
                var start = model.NewIntVarFromDomain(Domain.FromValues(starts), $"t{r}_{specialist}_{availability}");
                presences.Add(present);
                variables.Add((r, specialist, present, start));
                objective.Add((present, problem.Score(r, specialist)));
                Add(intervalsAfter, specialist, model.NewOptionalFixedSizeIntervalVar(start, q.DurationMinutes + q.BufferMinutes, present, $"a{r}_{specialist}_{availability}"));
                if (!uniformBuffer)
                {
                    Add(intervalsBefore, specialist, model.NewOptionalFixedSizeIntervalVar(start - q.BufferMinutes, q.DurationMinutes + q.BufferMinutes, present, $"b{r}_{specialist}_{availability}"));
                }

                if (!energy.TryGetValue((specialist, availability), out var items))
                {
                    energy[(specialist, availability)] = items = [];
                }

                items.Add(new BatchEnergyItem(present, q.DurationMinutes + q.BufferMinutes, (int)starts[0], (int)starts[^1] + q.DurationMinutes));
                var hinted = hint[r] >= first && hint[r] < c;
                model.AddHint(present, hinted);
                model.AddHint(start, hinted ? list.Start[hint[r]] : starts[0]);
            }

            model.AddAtMostOne(presences);
        }

        // Meetings whose every possible start keeps them inside [from, to), each with its buffer after it, are
        // disjoint from each other and from busy time there, and end at most one buffer after `to`: knapsack cuts
        // (per availability interval and its sub-intervals between window edges) that tighten the LP bound.
        var maxBuffer = requests.Max(r => problem.Requests[r].BufferMinutes);
        foreach (var ((specialist, segment), items) in energy)
        {
            AddEnergyCuts(model, segments[specialist][segment], items, maxBuffer);
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
                choice[r] = list.IndexOf(new BatchPlacement(specialist, t));
            }
        }

        // The bound is on the scaled score; weight · scale · factor + preferred ≤ bound gives the weight part.
        // Rounding each weight to 1/WeightScale moves the total by at most half a unit per request.
        var weightBound = (Math.Floor(solver.BestObjectiveBound / problem.TieBreakFactor) + (0.5 * requests.Length)) / BatchSchedulingProblem.WeightScale;
        return (status == CpSolverStatus.Optimal, Math.Min(upper, weightBound));
    }

    /// <summary>
    /// Knapsack cuts for one free segment: meetings whose every possible start keeps them inside [from, to), each with
    /// its buffer after it, are pairwise disjoint, start at or after <c>from</c> and end (buffer included) by
    /// <c>to + maxBuffer</c>, or by the segment's end when busy time follows it.
    /// </summary>
    private static void AddEnergyCuts(CpModel model, (MinuteInterval Free, bool EndsAtBusy) segment, List<BatchEnergyItem> items, int maxBuffer)
    {
        var froms = items.Select(i => i.EarliestStart).Append(segment.Free.Start).Distinct().Order().ToArray();
        var tos = items.Select(i => i.LatestEnd).Append(segment.Free.End).Distinct().Order().ToArray();
        if ((long)froms.Length * tos.Length * items.Count > MaxCutWork)
        {
            // Too many sub-intervals to try: keep the cut over the whole segment only.
            (froms, tos) = ([segment.Free.Start], [segment.Free.End]);
        }

        var added = new HashSet<string>();
        foreach (var from in froms)
        {
            foreach (var to in tos.Where(t => t > from))
            {
                var inside = items.Where(i => i.EarliestStart >= from && i.LatestEnd <= to).ToArray();
                var capacity = Math.Min(to + maxBuffer, segment.EndsAtBusy ? segment.Free.End : int.MaxValue) - from;
                if (inside.Sum(i => i.Length) > capacity && added.Add(string.Join(',', inside.Select(i => i.Present.GetIndex()))))
                {
                    model.Add(LinearExpr.WeightedSum(inside.Select(i => i.Present), inside.Select(i => i.Length)) <= capacity);
                }
            }
        }
    }

    /// <summary>The specialist's availability (merged) minus busy time (merged), in order; whether busy time follows each segment.</summary>
    private static List<(MinuteInterval Free, bool EndsAtBusy)> FreeSegments(BatchSpecialist specialist)
    {
        var busy = Merge(specialist.Busy ?? []);
        var segments = new List<(MinuteInterval, bool)>();
        foreach (var available in Merge(specialist.Available))
        {
            var from = available.Start;
            foreach (var b in busy.Where(b => b.Overlaps(available.Start, available.End) || b.Start == available.End))
            {
                if (b.Start > from)
                {
                    segments.Add((new MinuteInterval(from, Math.Min(b.Start, available.End)), true));
                }

                from = Math.Max(from, b.End);
            }

            if (from < available.End)
            {
                segments.Add((new MinuteInterval(from, available.End), false));
            }
        }

        return segments;
    }

    private static List<MinuteInterval> Merge(IEnumerable<MinuteInterval> intervals)
    {
        var merged = new List<MinuteInterval>();
        foreach (var interval in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, interval.End) };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    private static int SegmentOf(List<(MinuteInterval Free, bool EndsAtBusy)> segments, int start, int duration)
    {
        for (var k = 0; k < segments.Count; k++)
        {
            if (segments[k].Free.Contains(start, start + duration))
            {
                return k;
            }
        }

        throw new InvalidOperationException("A candidate lies outside its specialist's free time.");
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
