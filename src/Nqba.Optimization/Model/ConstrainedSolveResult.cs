using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Model;

/// <summary>The result of solving a <see cref="ConstrainedModel"/>: the repaired decisions and their true objective.</summary>
/// <param name="Decisions">One 0/1 per decision variable (slack variables removed), after repair and local improvement.</param>
/// <param name="Objective">The objective of <paramref name="Decisions"/> without penalties.</param>
/// <param name="Feasible">True when every constraint holds.</param>
/// <param name="Violations">The violated constraints, empty when feasible.</param>
/// <param name="Raw">The solver's result on the penalty model, before repair.</param>
public sealed record ConstrainedSolveResult(byte[] Decisions, double Objective, bool Feasible, IReadOnlyList<string> Violations, SolveResult Raw);
