namespace Nqba.Optimization.Solvers;

/// <summary>Chooses integer arithmetic when the model allows it.</summary>
internal static class AnnealerFactory
{
    public static IAnnealer Create(IsingModel model) =>
        model.IntegerWeights is not null ? new AnnealingKernel<int>(model) : new AnnealingKernel<double>(model);
}
