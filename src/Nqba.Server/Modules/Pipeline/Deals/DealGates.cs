namespace Nqba.Server.Modules.Pipeline;

/// <summary>The requirements a stage's gate can name (see <see cref="PipelineOptions.Gates"/>), and how each is checked.</summary>
public static class DealGates
{
    public const string BudgetConfirmed = "budget-confirmed";
    public const string ValueSet = "value-set";
    public const string OwnerSet = "owner-set";
    public const string DemoHeld = "demo-held";
    public const string ExpectedCloseSet = "expected-close-set";

    /// <summary>Every known requirement.</summary>
    public static IReadOnlyList<string> All { get; } = [BudgetConfirmed, ValueSet, OwnerSet, DemoHeld, ExpectedCloseSet];

    /// <summary>Whether <paramref name="deal"/> meets <paramref name="requirement"/>; an unknown requirement is never met.</summary>
    internal static bool IsMet(Deals.Deal deal, string requirement) => requirement switch
    {
        BudgetConfirmed => deal.BudgetConfirmed,
        ValueSet => deal.Value is > 0,
        OwnerSet => deal.OwnerId is not null,
        DemoHeld => deal.DemoHeldAt is not null,
        ExpectedCloseSet => deal.ExpectedClose is not null,
        _ => false,
    };

    /// <summary>What a person must do to meet <paramref name="requirement"/>, for the 409 answer.</summary>
    public static string Explain(string requirement) => requirement switch
    {
        BudgetConfirmed => "the budget must be confirmed (budgetConfirmed)",
        ValueSet => "the deal needs a value above zero (value)",
        OwnerSet => "the deal needs an owner (ownerId)",
        DemoHeld => "the technical demo must have been held",
        ExpectedCloseSet => "the deal needs an expected close date (expectedClose)",
        _ => $"'{requirement}' is not a known requirement (known: {string.Join(", ", All)})",
    };
}
