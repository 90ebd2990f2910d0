namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A dimension's score 0–100 and why.</summary>
public sealed record DimensionScore(string Code, string Name, int Score, double Weight, string Explanation);
