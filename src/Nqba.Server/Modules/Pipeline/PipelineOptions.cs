using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Pipeline;

/// <summary>The <c>Pipeline</c> settings section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>A deal in one open stage longer than this many days is flagged stalled and its owner told (default 14).</summary>
    [Range(1, 365)]
    public int StallDays { get; set; } = 14;

    /// <summary>Whether the daily stalled-deal check runs (default true).</summary>
    public bool StallCheckEnabled { get; set; } = true;

    /// <summary>When the stalled-deal check runs (Quartz cron, UTC; default 06:00 every day).</summary>
    [Required]
    public string StallCheckCron { get; set; } = "0 0 6 * * ?";

    /// <summary>The currency of a deal that names none (ISO 4217).</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>Meeting types whose booking moves a lead's deal to <c>qualification</c> (Scheduling's codes).</summary>
    public List<string> QualificationMeetingTypes { get; set; } = ["discovery-30"];

    /// <summary>Meeting types whose booking moves a lead's deal to <c>demo</c>; a held one also meets the <c>demo-held</c> gate.</summary>
    public List<string> DemoMeetingTypes { get; set; } = ["demo-60"];

    /// <summary>The reasons a deal can be lost with; a move to <c>lost</c> must name one of them.</summary>
    [MinLength(1)]
    public List<string> LostReasons { get; set; } = ["price", "timing", "competitor", "no-budget", "no-decision", "not-a-fit"];

    /// <summary>
    /// The win probability of each open stage in percent, for the weighted pipeline (stage identifier → 0–100). Stages
    /// not named have <see cref="DefaultProbabilities"/>' value.
    /// </summary>
    public Dictionary<string, int> Probabilities { get; set; } = [];

    /// <summary>
    /// The gates: stage identifier → what must hold before a deal may enter that stage by hand. Known requirements:
    /// <c>budget-confirmed</c>, <c>value-set</c>, <c>owner-set</c>, <c>demo-held</c>, <c>expected-close-set</c>.
    /// Stages not named have <see cref="DefaultGates"/>' requirements.
    /// </summary>
    public Dictionary<string, List<string>> Gates { get; set; } = [];

    /// <summary>
    /// How many days a proposal's signed link stays open after the offer's validity ends (default 30): the client can
    /// still see that it expired, and sign the contract of an offer accepted on its last day.
    /// </summary>
    [Range(1, 365)]
    public int ProposalLinkGraceDays { get; set; } = 30;

    /// <summary>The shipped probabilities (HubSpot's default sales pipeline is the model).</summary>
    public static IReadOnlyDictionary<DealStage, int> DefaultProbabilities { get; } = new Dictionary<DealStage, int>
    {
        [DealStage.Contact] = 5,
        [DealStage.Assessed] = 10,
        [DealStage.Routed] = 20,
        [DealStage.Qualification] = 30,
        [DealStage.Demo] = 50,
        [DealStage.Proposal] = 75,
        [DealStage.Won] = 100,
        [DealStage.Lost] = 0,
    };

    /// <summary>The shipped gates: a proposal needs a confirmed budget and a value; a win needs a value.</summary>
    public static IReadOnlyDictionary<DealStage, string[]> DefaultGates { get; } = new Dictionary<DealStage, string[]>
    {
        [DealStage.Proposal] = [DealGates.BudgetConfirmed, DealGates.ValueSet],
        [DealStage.Won] = [DealGates.ValueSet],
    };

    /// <summary>Whether a deal that entered its (open) stage at <paramref name="enteredAt"/> is stalled at <paramref name="now"/>.</summary>
    public bool IsStalled(DateTime enteredAt, DateTime now) => enteredAt < StalledBefore(now);

    /// <summary>An open deal that entered its stage before this instant is stalled at <paramref name="now"/> (for queries).</summary>
    public DateTime StalledBefore(DateTime now) => now - TimeSpan.FromDays(StallDays);

    /// <summary>The probability of <paramref name="stage"/> in percent.</summary>
    public int ProbabilityOf(DealStage stage) =>
        Probabilities.TryGetValue(DealStages.Id(stage), out var configured) ? Math.Clamp(configured, 0, 100) : DefaultProbabilities[stage];

    /// <summary>What must hold before a deal enters <paramref name="stage"/>.</summary>
    public IReadOnlyList<string> GatesOf(DealStage stage) =>
        Gates.TryGetValue(DealStages.Id(stage), out var configured) ? configured : DefaultGates.GetValueOrDefault(stage, []);
}
