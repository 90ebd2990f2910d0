namespace Nqba.Optimization.Solvers;

/// <summary>Creates solvers by name: <c>auto</c>, <c>sa</c>, <c>pt</c>, <c>tabu</c>, <c>exact</c>.</summary>
public static class SolverFactory
{
    /// <summary>The accepted solver names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "sa", "pt", "tabu", "exact"];

    /// <summary>Creates the solver called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static ISolver Create(string name) =>
        TryCreate(name, out var solver)
            ? solver
            : throw new ArgumentException($"Unknown solver '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Creates the solver called <paramref name="name"/>, or returns false for an unknown name.</summary>
    public static bool TryCreate(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISolver? solver)
    {
        solver = name?.Trim().ToLowerInvariant() switch
        {
            "auto" => new AutoSolver(),
            "sa" => new SimulatedAnnealingSolver(),
            "pt" => new ParallelTemperingSolver(),
            "tabu" => new TabuSearchSolver(),
            "exact" => new ExactSolver(),
            _ => null,
        };
        return solver is not null;
    }
}
