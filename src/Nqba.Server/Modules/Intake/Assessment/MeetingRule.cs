namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>
/// Recommends a meeting type when every condition given holds; rules are tried in order and the last one must have
/// no conditions (the default).
/// </summary>
internal sealed record MeetingRule
{
    /// <summary>discovery-30, demo-60 or strategic-90.</summary>
    public string Type { get; init; } = string.Empty;

    public int? MinTotal { get; init; }

    public List<LeadTier>? Tiers { get; init; }

    /// <summary>Question id → options, one of which must have been chosen.</summary>
    public Dictionary<string, List<string>>? Answers { get; init; }

    public string Explanation { get; init; } = string.Empty;

    public bool IsUnconditional => MinTotal is null && (Tiers is null || Tiers.Count == 0) && (Answers is null || Answers.Count == 0);
}
