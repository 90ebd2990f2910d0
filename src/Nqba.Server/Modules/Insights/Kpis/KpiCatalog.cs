using Nqba.Server.Modules.Insights.Calculators;

namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// Every KPI, defined once: the computable ones with their calculators (a KPI lights up when its events exist), then
/// those whose events no module raises yet, each with the reason.
/// </summary>
internal sealed class KpiCatalog
{
    public KpiCatalog()
    {
        Calculators = [
            new LeadResponseTimeCalculator(),
            new DemoToCloseCalculator(),
            new SalesCycleCalculator(),
            new OnboardingDurationCalculator(),
            SurveyScoreCalculator.Nps(),
            SurveyScoreCalculator.Csat(),
            new FirstContactResolutionCalculator(),
            new FirstResponseCalculator(),
            new UptimeCalculator(),
        ];
        Definitions = [.. Calculators.Select(c => c.Definition), .. Unavailable];
    }

    public IReadOnlyList<IKpiCalculator> Calculators { get; }

    public IReadOnlyList<KpiDefinition> Definitions { get; }

    public KpiDefinition? Find(string id) => Definitions.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));

    private static KpiDefinition[] Unavailable =>
    [
        new("api-latency", "API latency", "average duration of API requests in the period, in milliseconds", "ms", KpiDirection.LowerIsBetter, 25, 50, KpiAggregate.Mean,
            Unavailable: "Request durations are exported as OpenTelemetry metrics, not recorded as events."),
        new("retention", "Client retention", "clients active at the period's end that were active at its start ÷ clients active at its start × 100", "%", KpiDirection.HigherIsBetter, 95, 90, KpiAggregate.Share,
            Unavailable: "No module records a client's churn yet (subscriptions arrive with Marketplace)."),
        new("mrr", "Monthly recurring revenue", "sum of the monthly amounts of the subscriptions active at the period's end", "$", KpiDirection.HigherIsBetter, 0, 0, KpiAggregate.Mean,
            Unavailable: "Subscriptions arrive with the Marketplace module."),
        new("arr", "Annual recurring revenue", "MRR × 12", "$", KpiDirection.HigherIsBetter, 0, 0, KpiAggregate.Mean,
            Unavailable: "Subscriptions arrive with the Marketplace module."),
        new("cac", "Customer acquisition cost", "marketing and sales spend of the period ÷ deals won in the period", "$", KpiDirection.LowerIsBetter, 5000, 7500, KpiAggregate.Mean,
            Unavailable: "Marketing spend is not recorded yet (spend entries)."),
        new("gross-margin", "Gross margin", "(revenue − cost of revenue) ÷ revenue × 100", "%", KpiDirection.HigherIsBetter, 85, 75, KpiAggregate.Mean,
            Unavailable: "Revenue and cost entries are not recorded yet."),
        new("operating-margin", "Operating margin", "(revenue − operating costs) ÷ revenue × 100", "%", KpiDirection.HigherIsBetter, 25, 15, KpiAggregate.Mean,
            Unavailable: "Revenue and cost entries are not recorded yet."),
        new("agent-automation", "Agent automation level", "actions a digital agent completed without a person ÷ all its actions × 100, per agent", "%", KpiDirection.HigherIsBetter, 96, 90, KpiAggregate.Share,
            Unavailable: "The digital agents (Agents module) do not exist yet."),
    ];
}
