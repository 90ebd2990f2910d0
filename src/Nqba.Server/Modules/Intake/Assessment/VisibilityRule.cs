namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>Show a question only when an earlier question was answered with one of <see cref="AnyOf"/>.</summary>
internal sealed record VisibilityRule
{
    public string Question { get; init; } = string.Empty;

    public List<string> AnyOf { get; init; } = [];
}
