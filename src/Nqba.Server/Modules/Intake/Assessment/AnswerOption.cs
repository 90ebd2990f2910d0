namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>An answer option: its score (0–5 by convention) in the question's dimension and its weight per business unit.</summary>
internal sealed record AnswerOption
{
    public string Id { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    /// <summary>Translations by language (de, ja); English is the text itself.</summary>
    public Dictionary<string, string> Texts { get; init; } = [];

    public string In(string language) => Texts.TryGetValue(language, out var text) ? text : Text;

    public double Score { get; init; }

    public Dictionary<string, double> Units { get; init; } = [];

    /// <summary>Skill tags routing matches against specialists' skills.</summary>
    public List<string> Tags { get; init; } = [];
}
