namespace Nqba.Optimization.Solvers;

/// <summary>Forwards progress with the objective mapped into the caller's terms (cut weight, maximized objective).</summary>
internal sealed class MappedProgress(IProgress<SolverProgress> inner, Func<double, double> map) : IProgress<SolverProgress>
{
    public void Report(SolverProgress value) =>
        inner.Report(value with { BestObjective = value.BestObjective is { } objective ? map(objective) : null });
}
