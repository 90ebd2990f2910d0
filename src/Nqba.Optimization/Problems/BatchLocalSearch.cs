using System.Diagnostics;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Problems;

/// <summary>
/// Simulated annealing over schedules of a <see cref="BatchSchedulingProblem"/>. A move puts one request on one of its
/// possible placements, evicts the meetings it collides with, and re-places each evicted meeting at its first free
/// placement (preferred specialist first); the move is kept by the Metropolis rule on the change in score.
/// </summary>
internal sealed class BatchLocalSearch
{
    private const int ClockCheckInterval = 64;
    private readonly BatchSchedulingProblem _problem;
    private readonly BatchCandidateList[] _candidates;
    private readonly int[] _duration;
    private readonly int[] _buffer;
    private readonly int[] _current;
    private readonly List<int>[] _bySpecialist;
    private readonly int[] _placeable;
    private readonly List<int> _unplaced = [];
    private readonly int[] _unplacedIndex;
    private readonly List<(int Request, int From)> _journal = [];
    private readonly List<int> _evicted = [];
    private readonly long _bound;
    private int[] _best;
    private long _score;
    private long _bestScore;
    private Xoshiro256 _random;

    public BatchLocalSearch(BatchSchedulingProblem problem, int seed)
    {
        _problem = problem;
        _candidates = problem.Candidates;
        var requests = problem.Requests;
        _duration = [.. requests.Select(q => q.DurationMinutes)];
        _buffer = [.. requests.Select(q => q.BufferMinutes)];
        _current = Enumerable.Repeat(-1, requests.Count).ToArray();
        _best = [.. _current];
        _unplacedIndex = Enumerable.Repeat(-1, requests.Count).ToArray();
        _bySpecialist = [.. problem.Specialists.Select(_ => new List<int>())];
        _placeable = [.. Enumerable.Range(0, requests.Count).Where(r => _candidates[r].Count > 0)];
        foreach (var r in _placeable)
        {
            AddUnplaced(r);
            var preferredPossible = requests[r].PreferredSpecialist is { } p && _candidates[r].Specialist[0] == p;
            _bound += (problem.ScaledWeights[r] * problem.TieBreakFactor) + (preferredPossible ? 1 : 0);
        }

        _random = new Xoshiro256((ulong)(uint)seed);
    }

    /// <summary>The best schedule found: the candidate index per request, −1 for unplaced.</summary>
    public int[] BestCandidates() => [.. _best];

    /// <summary>The greedy schedule alone (used as CP-SAT's hint).</summary>
    public int[] Greedy()
    {
        Construct();
        return BestCandidates();
    }

    /// <summary>
    /// Keeps the given placements that fit (heaviest first; the rest collide and are dropped), then places the other
    /// requests greedily; used to turn a penalty-model answer into a feasible schedule.
    /// </summary>
    public int[] Keep(int[] candidateOf)
    {
        foreach (var r in _placeable.Where(r => candidateOf[r] >= 0).OrderByDescending(r => _problem.ScaledWeights[r]))
        {
            var c = candidateOf[r];
            if (IsFree(r, _candidates[r].Specialist[c], _candidates[r].Start[c]))
            {
                Set(r, c);
            }
        }

        Construct();
        return BestCandidates();
    }

    /// <summary>Runs until the time limit, the move budget or cancellation; true when the best schedule is provably optimal.</summary>
    public bool Run(TimeSpan timeLimit, long? sweeps, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Construct();
        if (_bestScore == _bound || _placeable.Length == 0)
        {
            return true;
        }

        var maxMoves = sweeps is { } s ? s * Math.Max(1, _placeable.Length) : long.MaxValue;
        var meanScore = _placeable.Average(r => (double)_problem.ScaledWeights[r] * _problem.TieBreakFactor);
        double hot = 0.3 * meanScore, cold = 0.002 * meanScore;
        var progress = 0.0;
        for (long move = 0; move < maxMoves; move++)
        {
            if (move % ClockCheckInterval == 0)
            {
                if (cancellationToken.IsCancellationRequested || clock.Elapsed >= timeLimit)
                {
                    break;
                }

                progress = Math.Max(clock.Elapsed / timeLimit, sweeps is null ? 0 : (double)move / maxMoves);
            }

            var temperature = hot * Math.Pow(cold / hot, progress);
            Move(temperature);
            if (_score > _bestScore)
            {
                _bestScore = _score;
                _best = [.. _current];
                if (_bestScore == _bound)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Heaviest requests first, then the least flexible; each at its first free placement.</summary>
    private void Construct()
    {
        var order = _placeable.OrderByDescending(r => _problem.ScaledWeights[r]).ThenBy(r => _candidates[r].Count).ThenBy(r => r);
        foreach (var r in order.Where(r => _current[r] < 0))
        {
            var c = FirstFree(r);
            if (c >= 0)
            {
                Set(r, c);
            }
        }

        _journal.Clear();
        _bestScore = _score;
        _best = [.. _current];
    }

    private void Move(double temperature)
    {
        var r = _unplaced.Count > 0 && _random.NextDouble() < 0.8
            ? _unplaced[_random.NextInt(_unplaced.Count)]
            : _placeable[_random.NextInt(_placeable.Length)];
        var list = _candidates[r];
        var c = _random.NextInt(list.Count);
        if (c == _current[r])
        {
            return;
        }

        var before = _score;
        _journal.Clear();
        if (_current[r] >= 0)
        {
            Set(r, -1);
        }

        CollectConflicts(r, list.Specialist[c], list.Start[c]);
        foreach (var m in _evicted)
        {
            Set(m, -1);
        }

        Set(r, c);
        foreach (var m in _evicted)
        {
            var free = _random.NextDouble() < 0.5 ? FirstFree(m) : FirstFree(m, _random.NextInt(_candidates[m].Count));
            if (free >= 0)
            {
                Set(m, free);
            }
        }

        var delta = _score - before;
        if (delta >= 0 || _random.NextDouble() < Math.Exp(delta / temperature))
        {
            return;
        }

        for (var k = _journal.Count - 1; k >= 0; k--)
        {
            Set(_journal[k].Request, _journal[k].From, journal: false);
        }
    }

    /// <summary>The first placement of <paramref name="r"/> (in candidate order) that collides with no placed meeting.</summary>
    private int FirstFree(int r, int from = 0)
    {
        var list = _candidates[r];
        for (var k = 0; k < list.Count; k++)
        {
            var c = from + k < list.Count ? from + k : from + k - list.Count;
            if (IsFree(r, list.Specialist[c], list.Start[c]))
            {
                return c;
            }
        }

        return -1;
    }

    private bool IsFree(int r, int specialist, int start)
    {
        foreach (var m in _bySpecialist[specialist])
        {
            if (m != r && Collides(r, start, m))
            {
                return false;
            }
        }

        return true;
    }

    private void CollectConflicts(int r, int specialist, int start)
    {
        _evicted.Clear();
        foreach (var m in _bySpecialist[specialist])
        {
            if (m != r && Collides(r, start, m))
            {
                _evicted.Add(m);
            }
        }
    }

    private bool Collides(int r, int start, int m)
    {
        var other = _candidates[m].Start[_current[m]];
        var gap = Math.Max(_buffer[r], _buffer[m]);
        return start < other + _duration[m] + gap && other < start + _duration[r] + gap;
    }

    private void Set(int r, int candidate, bool journal = true)
    {
        var from = _current[r];
        if (from == candidate)
        {
            return;
        }

        if (journal)
        {
            _journal.Add((r, from));
        }

        var list = _candidates[r];
        if (from >= 0)
        {
            _bySpecialist[list.Specialist[from]].Remove(r);
            _score -= _problem.Score(r, list.Specialist[from]);
            AddUnplaced(r);
        }

        _current[r] = candidate;
        if (candidate >= 0)
        {
            _bySpecialist[list.Specialist[candidate]].Add(r);
            _score += _problem.Score(r, list.Specialist[candidate]);
            RemoveUnplaced(r);
        }
    }

    private void AddUnplaced(int r)
    {
        _unplacedIndex[r] = _unplaced.Count;
        _unplaced.Add(r);
    }

    private void RemoveUnplaced(int r)
    {
        var index = _unplacedIndex[r];
        var last = _unplaced[^1];
        _unplaced[index] = last;
        _unplacedIndex[last] = index;
        _unplaced.RemoveAt(_unplaced.Count - 1);
        _unplacedIndex[r] = -1;
    }
}
