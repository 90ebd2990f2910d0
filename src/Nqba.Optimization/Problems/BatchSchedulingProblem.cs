using System.Diagnostics;
using System.Globalization;
using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Problems;

/// <summary>
/// Batch meeting scheduling: place many requested meetings into specialists' calendars at once. Each request needs a
/// specialist of its unit and a start inside one of the client's windows; the meeting must lie inside the specialist's
/// availability, keep its buffer away from busy time, and two meetings of one specialist keep the larger of their
/// buffers between them. Requests that do not fit stay unplaced. The objective is the total priority weight of placed
/// meetings; among equal totals, more clients get their preferred specialist.
/// </summary>
/// <remarks>
/// Solvers place meetings on a grid: starts are multiples of <see cref="GranuleMinutes"/> from the horizon start.
/// <see cref="Validate"/> checks any start, on the grid or not.
/// </remarks>
public sealed class BatchSchedulingProblem
{
    /// <summary>Weights are scaled by this factor and rounded to integers for the exact solver and the local search.</summary>
    public const double WeightScale = 1e4;

    /// <summary>The largest accepted weight.</summary>
    public const double MaxWeight = 1e6;

    private readonly BatchSpecialist[] _specialists;
    private readonly BatchMeetingRequest[] _requests;

    /// <summary>Creates the problem and precomputes every possible placement of every request.</summary>
    /// <param name="specialists">The specialists; a placement names one by its index here.</param>
    /// <param name="requests">The meetings to place.</param>
    /// <param name="horizonMinutes">Length of the horizon; every interval lies in <c>[0, horizonMinutes]</c>.</param>
    /// <param name="granuleMinutes">Spacing of the start times the solvers try (default 15 minutes).</param>
    /// <exception cref="ArgumentException">An input is invalid; <see cref="ArgumentException.ParamName"/> names the field, e.g. <c>requests[3].DurationMinutes</c>.</exception>
    public BatchSchedulingProblem(IReadOnlyList<BatchSpecialist> specialists, IReadOnlyList<BatchMeetingRequest> requests, int horizonMinutes, int granuleMinutes = 15)
    {
        ArgumentNullException.ThrowIfNull(specialists);
        ArgumentNullException.ThrowIfNull(requests);
        if (horizonMinutes <= 0)
        {
            throw new ArgumentException("The horizon must be positive.", nameof(horizonMinutes));
        }

        if (granuleMinutes <= 0 || granuleMinutes > horizonMinutes)
        {
            throw new ArgumentException($"The granule must be between 1 and the horizon ({horizonMinutes}) minutes.", nameof(granuleMinutes));
        }

        HorizonMinutes = horizonMinutes;
        GranuleMinutes = granuleMinutes;
        _specialists = [.. specialists];
        _requests = [.. requests];
        for (var s = 0; s < _specialists.Length; s++)
        {
            var field = Field(nameof(specialists), s);
            var specialist = _specialists[s] ?? throw new ArgumentException("A specialist must not be null.", field);
            CheckIntervals(specialist.Available, $"{field}.{nameof(BatchSpecialist.Available)}");
            CheckIntervals(specialist.Busy ?? [], $"{field}.{nameof(BatchSpecialist.Busy)}");
        }

        for (var r = 0; r < _requests.Length; r++)
        {
            CheckRequest(r);
        }

        checked
        {
            ScaledWeights = [.. _requests.Select(q => Math.Max(1L, (long)Math.Round(q.Weight * WeightScale)))];
            TieBreakFactor = _requests.Length + 1L;
            var total = 0L;
            foreach (var w in ScaledWeights)
            {
                total += w * TieBreakFactor;
            }
        }

        Candidates = [.. Enumerable.Range(0, _requests.Length).Select(BuildCandidates)];
        PlaceableWeightBound = Enumerable.Range(0, _requests.Length).Where(r => Candidates[r].Count > 0).Sum(r => _requests[r].Weight);
    }

    /// <summary>The specialists.</summary>
    public IReadOnlyList<BatchSpecialist> Specialists => _specialists;

    /// <summary>The meeting requests.</summary>
    public IReadOnlyList<BatchMeetingRequest> Requests => _requests;

    /// <summary>Length of the horizon in minutes.</summary>
    public int HorizonMinutes { get; }

    /// <summary>Spacing of the start times the solvers try.</summary>
    public int GranuleMinutes { get; }

    /// <summary>The total weight of requests that have at least one possible placement: no schedule can place more.</summary>
    public double PlaceableWeightBound { get; }

    /// <summary>Every possible placement of each request on its own (unit, window, availability, busy time), preferred specialist first.</summary>
    internal BatchCandidateList[] Candidates { get; }

    internal long[] ScaledWeights { get; }

    /// <summary>The internal score of a placement is <c>scaledWeight · TieBreakFactor + (preferred ? 1 : 0)</c>, so weight always wins.</summary>
    internal long TieBreakFactor { get; }

    /// <summary>How many possible placements request <paramref name="request"/> has on its own (0: it can never be placed).</summary>
    public int PlacementOptions(int request) => Candidates[request].Count;

    /// <summary>The total weight of the placed requests (a placement's validity is not checked; see <see cref="Validate"/>).</summary>
    public double Objective(IReadOnlyList<BatchPlacement?> placements)
    {
        CheckLength(placements);
        var total = 0.0;
        for (var r = 0; r < _requests.Length; r++)
        {
            if (placements[r] is not null)
            {
                total += _requests[r].Weight;
            }
        }

        return total;
    }

    /// <summary>How many placed requests got their preferred specialist.</summary>
    public int PreferredMatches(IReadOnlyList<BatchPlacement?> placements)
    {
        CheckLength(placements);
        return Enumerable.Range(0, _requests.Length).Count(r => placements[r] is { } p && p.Specialist == _requests[r].PreferredSpecialist);
    }

    /// <summary>
    /// Checks every rule of the problem and returns one message per violation (empty when the schedule is feasible):
    /// the specialist exists and belongs to the request's unit, the start lies in a client window, the meeting lies
    /// inside the specialist's availability and keeps its buffer from busy time, and two meetings of one specialist keep
    /// the larger of their buffers between them.
    /// </summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<BatchPlacement?> placements)
    {
        CheckLength(placements);
        var violations = new List<string>();
        var bySpecialist = new Dictionary<int, List<int>>();
        for (var r = 0; r < _requests.Length; r++)
        {
            if (placements[r] is not { } p)
            {
                continue;
            }

            var q = _requests[r];
            if ((uint)p.Specialist >= (uint)_specialists.Length)
            {
                violations.Add(Invariant($"request {r}: specialist {p.Specialist} does not exist"));
                continue;
            }

            var s = _specialists[p.Specialist];
            int start = p.Start, end = p.Start + q.DurationMinutes;
            if (s.Unit != q.Unit)
            {
                violations.Add(Invariant($"request {r}: specialist {p.Specialist} is in unit {s.Unit}, the request needs unit {q.Unit}"));
            }

            if (!q.StartWindows.Any(w => w.Start <= start && start < w.End))
            {
                violations.Add(Invariant($"request {r}: start {start} is outside the client's windows"));
            }

            if (!s.Available.Any(a => a.Contains(start, end)))
            {
                violations.Add(Invariant($"request {r}: [{start}, {end}) is outside specialist {p.Specialist}'s availability"));
            }

            if ((s.Busy ?? []).FirstOrDefault(b => b.Overlaps(start - q.BufferMinutes, end + q.BufferMinutes)) is { Length: > 0 } busy)
            {
                violations.Add(Invariant($"request {r}: [{start}, {end}) with buffer {q.BufferMinutes} meets busy time [{busy.Start}, {busy.End}) of specialist {p.Specialist}"));
            }

            if (!bySpecialist.TryGetValue(p.Specialist, out var list))
            {
                bySpecialist[p.Specialist] = list = [];
            }

            list.Add(r);
        }

        foreach (var (specialist, list) in bySpecialist)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    int a = list[i], b = list[j];
                    if (Conflict(a, placements[a]!.Value.Start, b, placements[b]!.Value.Start))
                    {
                        violations.Add(Invariant($"requests {a} and {b}: specialist {specialist}'s meetings are closer than their buffers allow"));
                    }
                }
            }
        }

        return violations;
    }

    /// <summary>True when <see cref="Validate"/> finds no violation.</summary>
    public bool IsFeasible(IReadOnlyList<BatchPlacement?> placements) => Validate(placements).Count == 0;

    /// <summary>
    /// The fast path: a greedy construction (heaviest, least flexible requests first) improved by simulated annealing
    /// over insert-and-eject moves (place a request, evict what it collides with, re-place the evicted elsewhere). Runs
    /// within <see cref="SolverOptions.TimeLimit"/>, or for <see cref="SolverOptions.MaxSweeps"/> moves per request
    /// (deterministic for a given <see cref="SolverOptions.Seed"/>). Stops early when every placeable request is placed
    /// with its preferred specialist where it has one.
    /// </summary>
    public BatchSchedule SolveHeuristic(SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var search = new BatchLocalSearch(this, options.Seed ?? Environment.TickCount);
        var proven = search.Run(options.TimeLimit, options.MaxSweeps, cancellationToken);
        return ToSchedule(search.BestCandidates(), proven, PlaceableWeightBound, "local-search", clock.Elapsed);
    }

    /// <summary>
    /// The exact path: one OR-Tools CP-SAT model per unit (units never share a specialist), with an optional interval
    /// per (request, specialist), NoOverlap per specialist and the greedy schedule as a hint. Proves optimality when it
    /// can within <paramref name="timeLimit"/>; otherwise reports its best schedule and CP-SAT's bound.
    /// </summary>
    /// <param name="timeLimit">Wall-clock budget for all units together.</param>
    /// <param name="workers">CP-SAT search workers.</param>
    /// <param name="cancellationToken">Stops the search; the best schedule found so far is returned.</param>
    public BatchSchedule SolveExact(TimeSpan timeLimit, int workers = 1, CancellationToken cancellationToken = default) =>
        SolveExact(timeLimit, workers, hint: null, cancellationToken);

    /// <summary>
    /// Like <see cref="SolveExact(TimeSpan, int, CancellationToken)"/>, but starts CP-SAT from <paramref name="hint"/>
    /// (for example the local search's schedule) instead of the greedy one; hint entries that are not possible
    /// placements are ignored.
    /// </summary>
    public BatchSchedule SolveExact(TimeSpan timeLimit, int workers, IReadOnlyList<BatchPlacement?>? hint, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        int[]? start = null;
        if (hint is not null)
        {
            CheckLength(hint);
            start = [.. Enumerable.Range(0, _requests.Length).Select(r => hint[r] is { } p ? Candidates[r].IndexOf(p) : -1)];
        }

        var (choice, proven, bound) = BatchCpSatModel.Solve(this, timeLimit, workers, start, cancellationToken);
        return ToSchedule(choice, proven, bound, "cp-sat", clock.Elapsed);
    }

    /// <summary>
    /// Runs CP-SAT (one worker) and the local search side by side within <see cref="SolverOptions.TimeLimit"/> and
    /// returns the better schedule; a proven optimum from either side stops the other.
    /// </summary>
    public BatchSchedule Solve(SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Race.BestOf(
            ct => SolveExact(options.TimeLimit, 1, ct),
            ct => SolveHeuristic(options, ct),
            s => s.ProvenOptimal && s.Feasible,
            BatchSchedule.Better,
            cancellationToken);
    }

    /// <summary>
    /// The QUBO penalty model: one variable per possible placement (request by request, in the order of
    /// <see cref="PlacementOptions"/>), at most one per request, at most one of every two placements of one specialist
    /// that collide; minimizes −weight (the preferred-specialist tie-break is not part of it).
    /// </summary>
    public ConstrainedModel ToConstrainedModel()
    {
        var offsets = new int[_requests.Length + 1];
        for (var r = 0; r < _requests.Length; r++)
        {
            offsets[r + 1] = offsets[r] + Candidates[r].Count;
        }

        var builder = new ConstrainedModelBuilder(offsets[^1]);
        var bySpecialist = new List<(int Variable, int Request, int Start)>[_specialists.Length];
        for (var r = 0; r < _requests.Length; r++)
        {
            var list = Candidates[r];
            for (var c = 0; c < list.Count; c++)
            {
                builder.AddLinear(offsets[r] + c, -_requests[r].Weight);
                (bySpecialist[list.Specialist[c]] ??= []).Add((offsets[r] + c, r, list.Start[c]));
            }

            if (list.Count > 1)
            {
                builder.AddAtMostK([.. Enumerable.Range(offsets[r], list.Count)], 1, Invariant($"request {r} placed at most once"));
            }
        }

        var longest = _requests.Length == 0 ? 0 : _requests.Max(q => q.DurationMinutes + q.BufferMinutes);
        foreach (var placements in bySpecialist.OfType<List<(int Variable, int Request, int Start)>>())
        {
            placements.Sort((x, y) => x.Start.CompareTo(y.Start));
            for (var i = 0; i < placements.Count; i++)
            {
                for (var j = i + 1; j < placements.Count && placements[j].Start < placements[i].Start + longest; j++)
                {
                    var (a, b) = (placements[i], placements[j]);
                    if (a.Request != b.Request && Conflict(a.Request, a.Start, b.Request, b.Start))
                    {
                        builder.AddAtMostK([a.Variable, b.Variable], 1, Invariant($"requests {a.Request} and {b.Request} apart"));
                    }
                }
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Solves the penalty model (<see cref="ToConstrainedModel"/>) with a QUBO solver, then drops what still collides
    /// (lighter meetings first) and fills gaps greedily. Kept for comparison: <see cref="SolveHeuristic"/> gives better
    /// schedules in the same time (see docs/benchmarks.md).
    /// </summary>
    public BatchSchedule SolveWithAnnealer(ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var model = ToConstrainedModel();
        var remaining = (options.TimeLimit - clock.Elapsed) * 0.9;
        var result = model.Solve(solver, options with { TimeLimit = remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1) }, cancellationToken);
        var chosen = new int[_requests.Length];
        var variable = 0;
        for (var r = 0; r < _requests.Length; r++)
        {
            chosen[r] = -1;
            for (var c = 0; c < Candidates[r].Count; c++, variable++)
            {
                if (result.Decisions[variable] == 1 && chosen[r] < 0)
                {
                    chosen[r] = c;
                }
            }
        }

        var repaired = new BatchLocalSearch(this, options.Seed ?? 1).Keep(chosen);
        return ToSchedule(repaired, false, PlaceableWeightBound, "annealer", clock.Elapsed);
    }

    /// <summary>True when request <paramref name="a"/> starting at <paramref name="startA"/> and request <paramref name="b"/> at <paramref name="startB"/> cannot share a specialist.</summary>
    internal bool Conflict(int a, int startA, int b, int startB)
    {
        var gap = Math.Max(_requests[a].BufferMinutes, _requests[b].BufferMinutes);
        return startA < startB + _requests[b].DurationMinutes + gap && startB < startA + _requests[a].DurationMinutes + gap;
    }

    internal long Score(int request, int specialist) =>
        (ScaledWeights[request] * TieBreakFactor) + (_requests[request].PreferredSpecialist == specialist ? 1 : 0);

    internal BatchSchedule ToSchedule(int[] candidateOf, bool proven, double bound, string method, TimeSpan elapsed)
    {
        var placements = new BatchPlacement?[_requests.Length];
        for (var r = 0; r < placements.Length; r++)
        {
            if (candidateOf[r] >= 0)
            {
                placements[r] = Candidates[r].Placement(candidateOf[r]);
            }
        }

        var objective = Objective(placements);
        var upper = proven ? objective : Math.Max(objective, Math.Min(bound, PlaceableWeightBound));
        return new BatchSchedule(placements, objective, PreferredMatches(placements), IsFeasible(placements), proven, upper, method, elapsed);
    }

    private BatchCandidateList BuildCandidates(int r)
    {
        var q = _requests[r];
        var starts = new SortedSet<int>();
        foreach (var w in q.StartWindows)
        {
            var first = ((Math.Max(0, w.Start) + GranuleMinutes - 1) / GranuleMinutes) * GranuleMinutes;
            for (var t = first; t < w.End && t + q.DurationMinutes <= HorizonMinutes; t += GranuleMinutes)
            {
                starts.Add(t);
            }
        }

        var order = Enumerable.Range(0, _specialists.Length).Where(s => _specialists[s].Unit == q.Unit).OrderBy(s => s == q.PreferredSpecialist ? 0 : 1).ThenBy(s => s);
        var specialists = new List<int>();
        var times = new List<int>();
        foreach (var s in order)
        {
            var specialist = _specialists[s];
            foreach (var t in starts)
            {
                var end = t + q.DurationMinutes;
                if (specialist.Available.Any(a => a.Contains(t, end)) && !(specialist.Busy ?? []).Any(b => b.Overlaps(t - q.BufferMinutes, end + q.BufferMinutes)))
                {
                    specialists.Add(s);
                    times.Add(t);
                }
            }
        }

        return new BatchCandidateList([.. specialists], [.. times]);
    }

    private void CheckRequest(int r)
    {
        var field = Field("requests", r);
        var q = _requests[r] ?? throw new ArgumentException("A request must not be null.", field);
        if (q.DurationMinutes <= 0 || q.DurationMinutes > HorizonMinutes)
        {
            throw new ArgumentException($"The duration must be between 1 and the horizon ({HorizonMinutes}) minutes.", $"{field}.{nameof(BatchMeetingRequest.DurationMinutes)}");
        }

        if (q.BufferMinutes < 0 || q.BufferMinutes > HorizonMinutes)
        {
            throw new ArgumentException($"The buffer must be between 0 and the horizon ({HorizonMinutes}) minutes.", $"{field}.{nameof(BatchMeetingRequest.BufferMinutes)}");
        }

        if (!double.IsFinite(q.Weight) || q.Weight <= 0 || q.Weight > MaxWeight)
        {
            throw new ArgumentException($"The weight must be a number in (0, {MaxWeight:G}].", $"{field}.{nameof(BatchMeetingRequest.Weight)}");
        }

        var windows = $"{field}.{nameof(BatchMeetingRequest.StartWindows)}";
        if (q.StartWindows is null || q.StartWindows.Count == 0)
        {
            throw new ArgumentException("A request needs at least one start window.", windows);
        }

        CheckIntervals(q.StartWindows, windows);
        if (q.PreferredSpecialist is { } preferred
            && ((uint)preferred >= (uint)_specialists.Length || _specialists[preferred].Unit != q.Unit))
        {
            throw new ArgumentException($"The preferred specialist {preferred} must be a specialist of unit {q.Unit}.", $"{field}.{nameof(BatchMeetingRequest.PreferredSpecialist)}");
        }
    }

    private void CheckIntervals(IReadOnlyList<MinuteInterval>? intervals, string field)
    {
        if (intervals is null)
        {
            throw new ArgumentException("The list must not be null.", field);
        }

        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            if (interval.Start < 0 || interval.End > HorizonMinutes || interval.Start >= interval.End)
            {
                throw new ArgumentException(Invariant($"[{interval.Start}, {interval.End}) must satisfy 0 ≤ start < end ≤ {HorizonMinutes}."), Invariant($"{field}[{i}]"));
            }
        }
    }

    private void CheckLength(IReadOnlyList<BatchPlacement?> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        if (placements.Count != _requests.Length)
        {
            throw new ArgumentException($"Expected {_requests.Length} placements (one per request), got {placements.Count}.", nameof(placements));
        }
    }

    private static string Field(string list, int index) => Invariant($"{list}[{index}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
