namespace Nqba.Optimization.Solvers;

/// <summary>Metropolis sweeps over one replica; see <see cref="AnnealingKernel{T}"/>.</summary>
internal interface IAnnealer
{
    double Energy { get; }

    void Randomize(ref Xoshiro256 random);

    void Load(ReadOnlySpan<double> spins);

    void CopySpinsTo(Span<double> spins);

    int Sweep(double beta, ref Xoshiro256 random);

    long Anneal(double betaHot, double betaCold, int sweeps, ref Xoshiro256 random, SearchCoordinator? stop);

    long Descend();
}
