using System.Diagnostics;
using Google.OrTools.Sat;
using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Problems;

/// <summary>
/// Place meetings into time slots (batch scheduling): every meeting gets exactly one allowed slot, two meetings that
/// conflict (share a participant) never share a slot, a slot holds at most its number of rooms, and the total
/// preference score is maximized.
/// </summary>
public sealed class MeetingPlacementProblem
{
    private const double ScoreScale = 1e4;
    private readonly double[,] _preference;
    private readonly (int A, int B)[] _conflicts;
    private readonly int[] _rooms;

    /// <summary>Creates the problem.</summary>
    /// <param name="preference">Score of meeting <c>m</c> in slot <c>s</c> at <c>[m, s]</c>; NaN marks a slot the meeting cannot use.</param>
    /// <param name="conflicts">Pairs of meetings that must not share a slot.</param>
    /// <param name="roomsPerSlot">How many meetings each slot can hold (null: unlimited).</param>
    public MeetingPlacementProblem(double[,] preference, IEnumerable<(int A, int B)> conflicts, IReadOnlyList<int>? roomsPerSlot = null)
    {
        ArgumentNullException.ThrowIfNull(preference);
        ArgumentNullException.ThrowIfNull(conflicts);
        _preference = (double[,])preference.Clone();
        _conflicts = [.. conflicts];
        var meetings = preference.GetLength(0);
        foreach (var (a, b) in _conflicts)
        {
            if ((uint)a >= (uint)meetings || (uint)b >= (uint)meetings || a == b)
            {
                throw new ArgumentException($"Conflict ({a}, {b}) must name two different meetings in [0, {meetings}).", nameof(conflicts));
            }
        }

        _rooms = roomsPerSlot is null ? Enumerable.Repeat(meetings, Slots).ToArray() : [.. roomsPerSlot];
        if (_rooms.Length != Slots)
        {
            throw new ArgumentException($"Expected {Slots} room counts, got {_rooms.Length}.", nameof(roomsPerSlot));
        }
    }

    /// <summary>The number of meetings.</summary>
    public int Meetings => _preference.GetLength(0);

    /// <summary>The number of slots.</summary>
    public int Slots => _preference.GetLength(1);

    /// <summary>The total preference of a placement (slot per meeting).</summary>
    public double TotalPreference(IReadOnlyList<int> slotOfMeeting)
    {
        ArgumentNullException.ThrowIfNull(slotOfMeeting);
        var total = 0.0;
        for (var m = 0; m < Meetings; m++)
        {
            if (slotOfMeeting[m] >= 0)
            {
                total += _preference[m, slotOfMeeting[m]];
            }
        }

        return total;
    }

    /// <summary>True when every meeting has an allowed slot, no conflicting pair shares one and rooms suffice.</summary>
    public bool IsFeasible(IReadOnlyList<int> slotOfMeeting)
    {
        ArgumentNullException.ThrowIfNull(slotOfMeeting);
        var used = new int[Slots];
        for (var m = 0; m < Meetings; m++)
        {
            var s = slotOfMeeting[m];
            if (s < 0 || s >= Slots || double.IsNaN(_preference[m, s]) || ++used[s] > _rooms[s])
            {
                return false;
            }
        }

        return _conflicts.All(c => slotOfMeeting[c.A] != slotOfMeeting[c.B]);
    }

    /// <summary>The penalty model: variable <c>m · Slots + s</c> is 1 when meeting m is in slot s; minimizes −preference.</summary>
    public ConstrainedModel ToConstrainedModel()
    {
        var builder = new ConstrainedModelBuilder(Meetings * Slots);
        for (var m = 0; m < Meetings; m++)
        {
            var allowed = new List<int>();
            var forbidden = new List<int>();
            for (var s = 0; s < Slots; s++)
            {
                if (double.IsNaN(_preference[m, s]))
                {
                    forbidden.Add(Index(m, s));
                    continue;
                }

                allowed.Add(Index(m, s));
                builder.AddLinear(Index(m, s), -_preference[m, s]);
            }

            builder.AddOneHot(allowed, $"meeting {m} placed once");
            if (forbidden.Count > 0)
            {
                builder.AddAtMostK(forbidden, 0, $"meeting {m} only in allowed slots");
            }
        }

        for (var s = 0; s < Slots; s++)
        {
            foreach (var (a, b) in _conflicts)
            {
                if (!double.IsNaN(_preference[a, s]) && !double.IsNaN(_preference[b, s]))
                {
                    builder.AddAtMostK([Index(a, s), Index(b, s)], 1, $"meetings {a} and {b} not both in slot {s}");
                }
            }

            var column = Enumerable.Range(0, Meetings).Where(m => !double.IsNaN(_preference[m, s])).Select(m => Index(m, s)).ToArray();
            builder.AddAtMostK(column, _rooms[s], $"slot {s} rooms {_rooms[s]}");
        }

        return builder.Build();
    }

    /// <summary>Solves with OR-Tools CP-SAT within the time limit (scores rounded to 1e-4).</summary>
    public ProblemSolution SolveExact(TimeSpan timeLimit, int workers = 1, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var model = new CpModel();
        var x = new BoolVar?[Meetings, Slots];
        var objective = new List<(BoolVar Var, long Coefficient)>();
        for (var m = 0; m < Meetings; m++)
        {
            var row = new List<BoolVar>();
            for (var s = 0; s < Slots; s++)
            {
                if (double.IsNaN(_preference[m, s]))
                {
                    continue;
                }

                var v = model.NewBoolVar($"x{m}_{s}");
                x[m, s] = v;
                row.Add(v);
                objective.Add((v, (long)Math.Round(_preference[m, s] * ScoreScale)));
            }

            model.AddExactlyOne(row);
        }

        for (var s = 0; s < Slots; s++)
        {
            foreach (var (a, b) in _conflicts)
            {
                if (x[a, s] is { } va && x[b, s] is { } vb)
                {
                    model.AddAtMostOne([va, vb]);
                }
            }

            var column = Enumerable.Range(0, Meetings).Select(m => x[m, s]).OfType<BoolVar>().ToArray();
            model.Add(LinearExpr.Sum(column) <= _rooms[s]);
        }

        model.Maximize(LinearExpr.WeightedSum(objective.Select(o => o.Var), objective.Select(o => o.Coefficient)));
        var (status, solver) = CpSatRunner.Solve(model, timeLimit, workers, 1, cancellationToken);
        var choice = new int[Meetings];
        Array.Fill(choice, -1);
        if (CpSatRunner.HasSolution(status))
        {
            for (var m = 0; m < Meetings; m++)
            {
                for (var s = 0; s < Slots; s++)
                {
                    if (x[m, s] is { } v && solver.BooleanValue(v))
                    {
                        choice[m] = s;
                    }
                }
            }
        }

        var feasible = CpSatRunner.HasSolution(status) && IsFeasible(choice);
        return new ProblemSolution(choice, TotalPreference(choice), feasible, status == CpSolverStatus.Optimal, "cp-sat", clock.Elapsed);
    }

    /// <summary>Solves with a QUBO solver on the penalty model, then repairs and improves the answer.</summary>
    public ProblemSolution SolveWithAnnealer(ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var result = ToConstrainedModel().Solve(solver, options, cancellationToken);
        var choice = new int[Meetings];
        Array.Fill(choice, -1);
        for (var v = 0; v < result.Decisions.Length; v++)
        {
            if (result.Decisions[v] == 1 && choice[v / Slots] < 0)
            {
                choice[v / Slots] = v % Slots;
            }
        }

        return new ProblemSolution(choice, TotalPreference(choice), result.Feasible && IsFeasible(choice), false, "annealer", clock.Elapsed);
    }

    /// <summary>Runs CP-SAT and the annealer side by side within <see cref="SolverOptions.TimeLimit"/> and returns the better feasible answer.</summary>
    public ProblemSolution Solve(SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Race.BestOf(
            ct => SolveExact(options.TimeLimit, 1, ct),
            ct => SolveWithAnnealer(SolverFactory.Create("auto"), options, ct),
            cancellationToken);
    }

    private int Index(int meeting, int slot) => (meeting * Slots) + slot;
}
