namespace Nqba.Optimization.Model;

/// <summary>A quadratic coefficient between two distinct variables, with <c>I &lt; J</c>.</summary>
/// <param name="I">The smaller variable index.</param>
/// <param name="J">The larger variable index.</param>
/// <param name="Weight">The coefficient of <c>v_I · v_J</c>.</param>
public readonly record struct Interaction(int I, int J, double Weight);
