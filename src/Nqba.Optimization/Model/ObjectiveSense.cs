namespace Nqba.Optimization.Model;

/// <summary>Whether an objective is to be minimized or maximized.</summary>
public enum ObjectiveSense
{
    /// <summary>Smaller is better (the native sense of <see cref="BinaryQuadraticModel"/>).</summary>
    Minimize,

    /// <summary>Larger is better; solved by minimizing the negated objective.</summary>
    Maximize,
}
