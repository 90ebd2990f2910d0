namespace Nqba.Server.Modules.Intake.Assessment;

internal sealed record QuestionnaireSection
{
    public string Id { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    /// <summary>Translations by language (de, ja); English is the text itself.</summary>
    public Dictionary<string, string> Texts { get; init; } = [];

    public string In(string language) => Texts.TryGetValue(language, out var text) ? text : Title;

    public List<Question> Questions { get; init; } = [];
}
