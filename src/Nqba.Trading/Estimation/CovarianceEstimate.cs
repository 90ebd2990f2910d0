namespace Nqba.Trading.Estimation;

/// <summary>An annualized covariance matrix and how it was obtained.</summary>
/// <param name="Matrix">Σ, symmetric, one row and column per asset.</param>
/// <param name="WasFixed">True when Σ was not positive semidefinite and its negative eigenvalues were clipped to zero.</param>
/// <param name="Shrinkage">The Ledoit-Wolf shrinkage intensity δ in [0, 1], or null for the sample covariance.</param>
public sealed record CovarianceEstimate(double[,] Matrix, bool WasFixed, double? Shrinkage = null);
