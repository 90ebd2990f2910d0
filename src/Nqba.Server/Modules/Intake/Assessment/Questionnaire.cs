namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A version of the SigmaEQ questionnaire, as read from its configuration file.</summary>
internal sealed record Questionnaire
{
    public string Id { get; init; } = string.Empty;

    public int Version { get; init; }

    public string Title { get; init; } = string.Empty;

    public TierThresholds Tiers { get; init; } = new();

    /// <summary>Business-unit codes the questionnaire may recommend, in tie-break order.</summary>
    public List<string> Units { get; init; } = [];

    public List<ScoreDimension> Dimensions { get; init; } = [];

    public List<QuestionnaireSection> Sections { get; init; } = [];

    public List<MeetingRule> Meetings { get; init; } = [];

    public IEnumerable<Question> AllQuestions => Sections.SelectMany(s => s.Questions);
}
