namespace Nqba.Optimization.Model;

/// <summary>The domain of the variables of a <see cref="BinaryQuadraticModel"/>.</summary>
public enum Vartype
{
    /// <summary>Variables take the values 0 and 1 (QUBO).</summary>
    Binary,

    /// <summary>Variables take the values -1 and +1 (Ising spins).</summary>
    Spin,
}
