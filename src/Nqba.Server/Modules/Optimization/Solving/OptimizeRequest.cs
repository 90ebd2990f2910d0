using System.ComponentModel.DataAnnotations;
using Nqba.Optimization.Formats;

namespace Nqba.Server.Modules.Optimization.Solving;

/// <summary>A QUBO to solve, its time budget and solver settings.</summary>
/// <param name="Qubo">The model: variables, linear and quadratic terms, offset, sense (minimize | maximize).</param>
/// <param name="TimeLimitMs">Time budget in milliseconds; up to Optimization:SynchronousBudget answers at once, longer runs as a job.</param>
/// <param name="Solver">auto, sa, pt, tabu or exact.</param>
/// <param name="Seed">Same seed and thread count give the same answer.</param>
/// <param name="Target">Stop as soon as an objective this good is found.</param>
public sealed record OptimizeRequest(
    [Required] QuboDocument Qubo,
    [Range(1, 3_600_000)] int TimeLimitMs = 1000,
    string Solver = "auto",
    int? Seed = null,
    double? Target = null);
