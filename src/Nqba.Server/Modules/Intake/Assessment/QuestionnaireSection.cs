namespace Nqba.Server.Modules.Intake.Assessment;

internal sealed record QuestionnaireSection
{
    public string Id { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public List<Question> Questions { get; init; } = [];
}
