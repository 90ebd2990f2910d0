namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A scored dimension (readiness, budget…) and its weight in the total.</summary>
internal sealed record ScoreDimension
{
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public double Weight { get; init; }
}
