using Nqba.Optimization.Formats;
using Nqba.Optimization.Solvers;

namespace Nqba.Server.Modules.Optimization.Solving;

/// <summary>Runs a validated request on the engine and reports in the request's sense.</summary>
internal static class QuboSolving
{
    public static OptimizeResult Solve(OptimizeRequest request, int threads, CancellationToken cancellationToken)
    {
        // The document solves in its own sense: target and objective are the caller's minimum or maximum.
        var result = request.Qubo.Solve(SolverFactory.Create(request.Solver), new SolverOptions
        {
            TimeLimit = TimeSpan.FromMilliseconds(request.TimeLimitMs),
            Seed = request.Seed,
            Threads = threads,
            Target = request.Target,
        }, cancellationToken);
        return new OptimizeResult(
            result.Objective, result.Solution, result.SolverName, result.Seed, result.Threads,
            result.TimeToBest.TotalMilliseconds, result.Elapsed.TotalMilliseconds, result.Flips, result.Sweeps,
            result.ReachedTarget, result.ProvenOptimal);
    }

    /// <summary>Field-named problems with the request, or an empty dictionary.</summary>
    public static Dictionary<string, string[]> Validate(OptimizeRequest request, OptimizationOptions options)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Qubo is null)
        {
            errors["qubo"] = ["is required"];
        }
        else
        {
            foreach (var (field, messages) in request.Qubo.Validate())
            {
                errors["qubo." + field] = messages;
            }
        }

        if (!SolverFactory.TryCreate(request.Solver, out _))
        {
            errors["solver"] = [$"must be one of {string.Join(", ", SolverFactory.Names)}, got '{request.Solver}'"];
        }

        if (TimeSpan.FromMilliseconds(request.TimeLimitMs) > options.MaxBudget)
        {
            errors["timeLimitMs"] = [$"must be at most {options.MaxBudget.TotalMilliseconds} (Optimization:MaxBudget)"];
        }

        if (request.Target is { } t && !double.IsFinite(t))
        {
            errors["target"] = ["must be a finite number"];
        }

        return errors;
    }
}
