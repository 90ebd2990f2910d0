namespace Nqba.Trading.Optimization;

/// <summary>How a quadratic programme was solved.</summary>
/// <param name="Solver">The OR-Tools backend that found the starting point: <c>pdlp</c> or <c>scip</c>.</param>
/// <param name="Refined">True when the exact KKT solve on the backend's active set gave a feasible point with multipliers of the right sign (a certified optimum up to rounding).</param>
/// <param name="MaxViolation">The largest constraint violation of the returned point.</param>
/// <param name="ActiveSetIterations">Working-set changes the refinement needed after the backend's guess.</param>
/// <param name="Elapsed">Wall time of the whole solve.</param>
public sealed record QpSolveOutcome(string Solver, bool Refined, double MaxViolation, int ActiveSetIterations, TimeSpan Elapsed);
