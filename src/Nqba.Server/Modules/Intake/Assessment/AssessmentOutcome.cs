namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>What a completed SigmaEQ assessment produces, each part with a plain-language explanation.</summary>
public sealed record AssessmentOutcome(
    int Total,
    LeadTier Tier,
    IReadOnlyList<DimensionScore> Dimensions,
    string RecommendedUnit,
    string? RunnerUpUnit,
    IReadOnlyDictionary<string, double> UnitScores,
    string MeetingType,
    IReadOnlyList<string> Tags,
    string TotalExplanation,
    string TierExplanation,
    string UnitExplanation,
    string MeetingExplanation);
