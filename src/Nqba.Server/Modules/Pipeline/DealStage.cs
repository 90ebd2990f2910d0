namespace Nqba.Server.Modules.Pipeline;

/// <summary>
/// A deal's stage, in the order of the sales process. The API names each with a stable lower-case identifier
/// (<see cref="DealStages.Id"/>): <c>contact</c>, <c>assessed</c>, <c>routed</c>, <c>qualification</c>, <c>demo</c>,
/// <c>proposal</c>, <c>won</c>, <c>lost</c>.
/// </summary>
public enum DealStage
{
    /// <summary>Initial contact: the lead was captured.</summary>
    Contact,

    /// <summary>The SigmaEQ assessment is completed.</summary>
    Assessed,

    /// <summary>Routed to a unit and a specialist.</summary>
    Routed,

    /// <summary>The 30-minute qualification call.</summary>
    Qualification,

    /// <summary>The 60-minute technical demo.</summary>
    Demo,

    /// <summary>Proposal and negotiation.</summary>
    Proposal,

    /// <summary>Closed, won.</summary>
    Won,

    /// <summary>Closed, lost (with a reason).</summary>
    Lost,
}

/// <summary>The stable identifiers of <see cref="DealStage"/> and the order rules.</summary>
public static class DealStages
{
    /// <summary>Every stage in board order.</summary>
    public static IReadOnlyList<DealStage> All { get; } = Enum.GetValues<DealStage>();

    /// <summary>The stages a deal is still open in.</summary>
    public static IReadOnlyList<DealStage> Open { get; } = [.. All.Where(s => !IsClosed(s))];

    /// <summary>The stable API identifier of <paramref name="stage"/>.</summary>
    public static string Id(DealStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>The stage named by <paramref name="id"/> (its API identifier), or null.</summary>
    public static DealStage? Parse(string? id)
    {
        foreach (var stage in All)
        {
            if (string.Equals(Id(stage), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="stage"/> closes the deal.</summary>
    public static bool IsClosed(DealStage stage) => stage is DealStage.Won or DealStage.Lost;

    /// <summary>The identifiers, comma-separated, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(Id));
}
