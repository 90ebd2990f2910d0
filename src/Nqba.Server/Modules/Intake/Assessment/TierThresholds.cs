namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>The lowest total of each tier; below <see cref="Lukewarm"/> is Cold.</summary>
internal sealed record TierThresholds
{
    public int Hot { get; init; } = 85;

    public int Warm { get; init; } = 65;

    public int Lukewarm { get; init; } = 45;

    public LeadTier TierOf(int total) =>
        total >= Hot ? LeadTier.Hot : total >= Warm ? LeadTier.Warm : total >= Lukewarm ? LeadTier.Lukewarm : LeadTier.Cold;
}
