using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>A solver that minimizes a <see cref="BinaryQuadraticModel"/>.</summary>
/// <remarks>
/// Solving is CPU-bound and blocks the calling thread for up to <see cref="SolverOptions.TimeLimit"/>; run it on a
/// background thread or job from request handlers. Instances are stateless and thread-safe.
/// </remarks>
public interface ISolver
{
    /// <summary>The solver's name as accepted by <see cref="SolverFactory.Create"/>.</summary>
    string Name { get; }

    /// <summary>Searches for a minimum of <paramref name="model"/>.</summary>
    /// <param name="model">The model to minimize.</param>
    /// <param name="options">Budget, target, seed, threads and progress.</param>
    /// <param name="cancellationToken">Stops the search early; the best solution so far is returned with <see cref="SolveResult.Cancelled"/> set.</param>
    /// <returns>The best solution found, its objective and work statistics.</returns>
    SolveResult Solve(BinaryQuadraticModel model, SolverOptions options, CancellationToken cancellationToken = default);
}
