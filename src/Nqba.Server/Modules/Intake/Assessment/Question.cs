namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>A question: one answer (or several when <see cref="Multiple"/>), shown only when <see cref="ShowIf"/> holds.</summary>
internal sealed record Question
{
    public string Id { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    /// <summary>Translations by language (de, ja); English is the text itself.</summary>
    public Dictionary<string, string> Texts { get; init; } = [];

    public string In(string language) => Texts.TryGetValue(language, out var text) ? text : Text;

    /// <summary>The dimension its option scores count towards; null for questions that only steer the unit.</summary>
    public string? Dimension { get; init; }

    public bool Multiple { get; init; }

    public bool Required { get; init; } = true;

    public VisibilityRule? ShowIf { get; init; }

    public List<AnswerOption> Options { get; init; } = [];
}
