using System.Diagnostics;
using Google.OrTools.Graph;
using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Problems;

/// <summary>
/// Assign items (leads, requests) to agents (specialists, units) maximizing the total fit score, with a capacity per
/// agent and each item assigned to exactly one agent (or at most one, when leaving items unassigned is allowed).
/// </summary>
public sealed class AssignmentProblem
{
    /// <summary>Fit scores are scaled by this factor and rounded for the integer min-cost-flow solver.</summary>
    public const double ScoreScale = 1e6;

    private readonly double[,] _fit;
    private readonly int[] _capacity;

    /// <summary>Creates the problem.</summary>
    /// <param name="fit">Fit score of item <c>i</c> for agent <c>a</c> at <c>[i, a]</c>; larger is better.</param>
    /// <param name="capacity">How many items each agent can take.</param>
    /// <param name="assignEveryItem">True: each item exactly one agent; false: at most one.</param>
    public AssignmentProblem(double[,] fit, IReadOnlyList<int> capacity, bool assignEveryItem = true)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(capacity);
        if (capacity.Count != fit.GetLength(1))
        {
            throw new ArgumentException($"Expected {fit.GetLength(1)} capacities (one per agent), got {capacity.Count}.", nameof(capacity));
        }

        if (capacity.Any(c => c < 0))
        {
            throw new ArgumentException("Capacities must not be negative.", nameof(capacity));
        }

        foreach (var score in fit)
        {
            if (!double.IsFinite(score))
            {
                throw new ArgumentException("Fit scores must be finite numbers.", nameof(fit));
            }
        }

        _fit = (double[,])fit.Clone();
        _capacity = [.. capacity];
        AssignEveryItem = assignEveryItem;
    }

    /// <summary>The number of items.</summary>
    public int Items => _fit.GetLength(0);

    /// <summary>The number of agents.</summary>
    public int Agents => _fit.GetLength(1);

    /// <summary>Whether every item must be assigned.</summary>
    public bool AssignEveryItem { get; }

    /// <summary>The fit of item <paramref name="item"/> for agent <paramref name="agent"/>.</summary>
    public double Fit(int item, int agent) => _fit[item, agent];

    /// <summary>The total fit of an assignment (agent per item, −1 for none).</summary>
    public double TotalFit(IReadOnlyList<int> agentOfItem)
    {
        ArgumentNullException.ThrowIfNull(agentOfItem);
        var total = 0.0;
        for (var i = 0; i < Items; i++)
        {
            if (agentOfItem[i] >= 0)
            {
                total += _fit[i, agentOfItem[i]];
            }
        }

        return total;
    }

    /// <summary>True when capacities hold and (if required) every item is assigned.</summary>
    public bool IsFeasible(IReadOnlyList<int> agentOfItem)
    {
        ArgumentNullException.ThrowIfNull(agentOfItem);
        var load = new int[Agents];
        for (var i = 0; i < Items; i++)
        {
            var a = agentOfItem[i];
            if (a < 0)
            {
                if (AssignEveryItem)
                {
                    return false;
                }

                continue;
            }

            if (a >= Agents || ++load[a] > _capacity[a])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The penalty model: variable <c>i · Agents + a</c> is 1 when item i goes to agent a; minimizes −fit.</summary>
    public ConstrainedModel ToConstrainedModel()
    {
        var builder = new ConstrainedModelBuilder(Items * Agents);
        for (var i = 0; i < Items; i++)
        {
            var row = new int[Agents];
            for (var a = 0; a < Agents; a++)
            {
                row[a] = (i * Agents) + a;
                builder.AddLinear(row[a], -_fit[i, a]);
            }

            if (AssignEveryItem)
            {
                builder.AddOneHot(row, $"item {i} assigned once");
            }
            else
            {
                builder.AddAtMostK(row, 1, $"item {i} assigned at most once");
            }
        }

        for (var a = 0; a < Agents; a++)
        {
            var column = Enumerable.Range(0, Items).Select(i => (i * Agents) + a).ToArray();
            builder.AddAtMostK(column, _capacity[a], $"agent {a} capacity {_capacity[a]}");
        }

        return builder.Build();
    }

    /// <summary>Solves exactly as a min-cost flow (OR-Tools); optimal up to the rounding of scores to 1e-6.</summary>
    public ProblemSolution SolveExact()
    {
        var clock = Stopwatch.StartNew();
        int source = 0, sink = Items + Agents + 1;
        var flow = new MinCostFlow();
        var arcs = new int[Items, Agents];
        for (var i = 0; i < Items; i++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
            for (var a = 0; a < Agents; a++)
            {
                arcs[i, a] = flow.AddArcWithCapacityAndUnitCost(1 + i, 1 + Items + a, 1, -(long)Math.Round(_fit[i, a] * ScoreScale));
            }
        }

        for (var a = 0; a < Agents; a++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + Items + a, sink, _capacity[a], 0);
        }

        if (!AssignEveryItem)
        {
            flow.AddArcWithCapacityAndUnitCost(source, sink, Items, 0);
        }

        flow.SetNodeSupply(source, Items);
        flow.SetNodeSupply(sink, -Items);
        var status = flow.Solve();
        var choice = new int[Items];
        Array.Fill(choice, -1);
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            return new ProblemSolution(choice, double.NegativeInfinity, false, false, "min-cost-flow", clock.Elapsed);
        }

        for (var i = 0; i < Items; i++)
        {
            for (var a = 0; a < Agents; a++)
            {
                if (flow.Flow(arcs[i, a]) > 0)
                {
                    choice[i] = a;
                }
            }
        }

        return new ProblemSolution(choice, TotalFit(choice), IsFeasible(choice), true, "min-cost-flow", clock.Elapsed);
    }

    /// <summary>
    /// Solves with a QUBO solver on the penalty model, then repairs the answer and polishes it with moves and
    /// exchanges between agents. <see cref="SolverOptions.TimeLimit"/> bounds the whole call, model building included.
    /// </summary>
    public ProblemSolution SolveWithAnnealer(ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var model = ToConstrainedModel();
        var remaining = (options.TimeLimit - clock.Elapsed) * 0.9;
        var result = model.Solve(solver, options with { TimeLimit = remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1) }, cancellationToken);
        var choice = new int[Items];
        Array.Fill(choice, -1);
        for (var v = 0; v < result.Decisions.Length; v++)
        {
            if (result.Decisions[v] == 1 && choice[v / Agents] < 0)
            {
                choice[v / Agents] = v % Agents;
            }
        }

        if (IsFeasible(choice))
        {
            Polish(choice);
        }

        return new ProblemSolution(choice, TotalFit(choice), IsFeasible(choice), false, "annealer", clock.Elapsed);
    }

    /// <summary>Best-improvement local search: move an item to an agent with room, or exchange the agents of two items.</summary>
    internal void Polish(int[] choice)
    {
        var load = new int[Agents];
        var members = Enumerable.Range(0, Agents).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < Items; i++)
        {
            if (choice[i] >= 0)
            {
                load[choice[i]]++;
                members[choice[i]].Add(i);
            }
        }

        const double Epsilon = 1e-9;
        for (var pass = 0; pass < 50 * Items; pass++)
        {
            double bestGain = Epsilon;
            int bestItem = -1, bestAgent = -1, bestPartner = -1;
            for (var i = 0; i < Items; i++)
            {
                var a = choice[i];
                var current = a >= 0 ? _fit[i, a] : 0.0;
                if (a >= 0 && !AssignEveryItem && -current > bestGain)
                {
                    (bestGain, bestItem, bestAgent, bestPartner) = (-current, i, -1, -1);
                }

                for (var b = 0; b < Agents; b++)
                {
                    if (b == a)
                    {
                        continue;
                    }

                    if (load[b] < _capacity[b])
                    {
                        var gain = _fit[i, b] - current;
                        if (gain > bestGain)
                        {
                            (bestGain, bestItem, bestAgent, bestPartner) = (gain, i, b, -1);
                        }
                    }
                    else if (a >= 0)
                    {
                        foreach (var j in members[b])
                        {
                            var gain = _fit[i, b] + _fit[j, a] - current - _fit[j, b];
                            if (gain > bestGain)
                            {
                                (bestGain, bestItem, bestAgent, bestPartner) = (gain, i, b, j);
                            }
                        }
                    }
                }
            }

            if (bestItem < 0)
            {
                return;
            }

            var from = choice[bestItem];
            Move(bestItem, from, bestAgent);
            if (bestPartner >= 0)
            {
                Move(bestPartner, bestAgent, from);
            }
        }

        void Move(int item, int from, int to)
        {
            if (from >= 0)
            {
                load[from]--;
                members[from].Remove(item);
            }

            if (to >= 0)
            {
                load[to]++;
                members[to].Add(item);
            }

            choice[item] = to;
        }
    }

    /// <summary>
    /// Solves within the budget and returns the better answer (feasible first, then higher fit): the exact
    /// min-cost flow, which is fast and proven optimal, and the annealer when the exact method fails.
    /// </summary>
    public ProblemSolution Solve(SolverOptions options, CancellationToken cancellationToken = default)
    {
        var exact = SolveExact();
        if (exact.ProvenOptimal && exact.Feasible)
        {
            return exact;
        }

        var annealed = SolveWithAnnealer(SolverFactory.Create("auto"), options, cancellationToken);
        return ProblemSolution.Better(exact, annealed);
    }
}
