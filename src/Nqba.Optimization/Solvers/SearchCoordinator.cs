using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Shared state of one solver run: clock, stop conditions, the best solution over all workers and work counters.
/// Workers offer a solution only when it improves their own best, so the lock is rarely contended.
/// </summary>
internal sealed class SearchCoordinator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly long _deadlineTimestamp;
    private readonly CancellationToken _cancellationToken;
    private readonly double _targetEnergy;
    private readonly ITimer? _progressTimer;
    private readonly SolverOptions _options;
    private double[]? _bestSpins;
    private double _bestEnergy = double.PositiveInfinity;
    private long _bestOrder = long.MaxValue;
    private long _bestTimestamp;
    private long _sweeps;
    private long _flips;
    private long _restarts;
    private volatile bool _stop;
    private bool _reachedTarget;

    public SearchCoordinator(IsingModel model, SolverOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TimeLimit, "The time limit must be positive.");
        }

        if (options.BetaRange is { } range && !(range.Hot > 0 && range.Cold >= range.Hot && double.IsFinite(range.Cold)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), range, "The beta range needs 0 < hot <= cold < infinity.");
        }

        Model = model;
        _options = options;
        _cancellationToken = cancellationToken;
        Threads = options.EffectiveThreads;
        SeedValue = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        Seed = (ulong)(uint)SeedValue;
        var limitTicks = options.TimeLimit.TotalSeconds * Stopwatch.Frequency;
        _deadlineTimestamp = limitTicks >= long.MaxValue / 2 ? long.MaxValue : _startTimestamp + (long)limitTicks;
        _targetEnergy = options.Target is { } target ? target + 1e-9 * Math.Max(1.0, Math.Abs(target)) : double.NegativeInfinity;
        if (options.Progress is not null)
        {
            var period = TimeSpan.FromMilliseconds(200);
            _progressTimer = TimeProvider.System.CreateTimer(_ => ReportProgress(), null, period, period);
        }
    }

    public IsingModel Model { get; }

    public ulong Seed { get; }

    public int SeedValue { get; }

    public int Threads { get; }

    /// <summary>Total sweeps allowed by <see cref="SolverOptions.MaxSweeps"/>, or <see cref="long.MaxValue"/>.</summary>
    public long SweepBudget => _options.MaxSweeps is { } max ? Math.Max(1, max) : long.MaxValue;

    public int? SweepsPerRestart => _options.SweepsPerRestart;

    public bool TabuPolish => _options.TabuPolish;

    public double BetaHot => _options.BetaRange?.Hot ?? Model.DefaultBetaHot;

    public double BetaCold => _options.BetaRange?.Cold ?? Model.DefaultBetaCold;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTimestamp);

    public bool ShouldStop => _stop || _cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() > _deadlineTimestamp;

    public bool HasSolution => Volatile.Read(ref _bestSpins) is not null;

    /// <summary>Offers a solution; returns true when it became the best over all workers.</summary>
    /// <param name="spins">The spins (copied when kept).</param>
    /// <param name="order">Tie-breaker among equal energies, deterministic per seed (lower wins).</param>
    public bool Offer(ReadOnlySpan<double> spins, long order)
    {
        var energy = Model.Energy(spins);
        lock (_gate)
        {
            var better = energy < _bestEnergy;
            if (!better && !(energy == _bestEnergy && order < _bestOrder))
            {
                return false;
            }

            _bestSpins ??= new double[spins.Length];
            spins.CopyTo(_bestSpins);
            _bestOrder = order;
            if (better)
            {
                _bestEnergy = energy;
                _bestTimestamp = Stopwatch.GetTimestamp();
            }

            if (energy <= _targetEnergy)
            {
                _reachedTarget = true;
                _stop = true;
            }

            return better;
        }
    }

    public void AddWork(long sweeps, long flips, long restarts = 0)
    {
        Interlocked.Add(ref _sweeps, sweeps);
        Interlocked.Add(ref _flips, flips);
        Interlocked.Add(ref _restarts, restarts);
    }

    /// <summary>Runs <paramref name="worker"/> once per thread (inline for one thread) and waits for all.</summary>
    public void Run(Action<int> worker)
    {
        if (Threads == 1)
        {
            worker(0);
            return;
        }

        ExceptionDispatchInfo? failure = null;
        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var index = t;
            threads[t] = new Thread(() =>
            {
                try
                {
                    worker(index);
                }
#pragma warning disable CA1031 // A worker's exception is a bug; it is captured here and rethrown on the calling thread.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(exception), null);
                    _stop = true;
                }
            })
            {
                IsBackground = true,
                Name = $"nqba-solver-{index}",
            };
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        failure?.Throw();
    }

    public SolveResult ToResult(string solverName, bool provenOptimal = false)
    {
        if (_progressTimer is not null)
        {
            // The last report always arrives, however short the run or busy the thread pool.
            _progressTimer.Dispose();
            ReportProgress();
        }

        var spins = _bestSpins ?? throw new InvalidOperationException("The solver produced no solution.");
        var bits = IsingModel.ToBits(spins);
        return new SolveResult
        {
            Solution = bits,
            Objective = Model.Source.Evaluate(bits),
            TimeToBest = Stopwatch.GetElapsedTime(_startTimestamp, _bestTimestamp),
            Elapsed = Elapsed,
            Sweeps = Interlocked.Read(ref _sweeps),
            Flips = Interlocked.Read(ref _flips),
            Restarts = Interlocked.Read(ref _restarts),
            SolverName = solverName,
            Seed = SeedValue,
            Threads = Threads,
            ReachedTarget = _reachedTarget,
            ProvenOptimal = provenOptimal,
            Cancelled = _cancellationToken.IsCancellationRequested,
        };
    }

    public void Dispose() => _progressTimer?.Dispose();

    private void ReportProgress()
    {
        double energy;
        lock (_gate)
        {
            energy = _bestEnergy;
        }

        _options.Progress?.Report(new SolverProgress(
            Elapsed,
            _options.TimeLimit,
            double.IsPositiveInfinity(energy) ? null : energy,
            Interlocked.Read(ref _sweeps),
            Interlocked.Read(ref _flips)));
    }
}
