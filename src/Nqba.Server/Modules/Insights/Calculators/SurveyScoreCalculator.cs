using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Support;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>NPS or CSAT from the survey answers of the period; the unit is the client organization's.</summary>
internal sealed class SurveyScoreCalculator(KpiDefinition definition, string kind) : IKpiCalculator
{
    public static SurveyScoreCalculator Nps() => new(
        new KpiDefinition(
            "nps", "Net promoter score",
            "% of NPS answers (SurveyAnswered, kind nps) scoring 9–10 − % scoring 0–6, over the answers of the period",
            "points", KpiDirection.HigherIsBetter, Target: 70, Amber: 50, KpiAggregate.NetPromoter),
        "nps");

    public static SurveyScoreCalculator Csat() => new(
        new KpiDefinition(
            "csat", "Customer satisfaction (CSAT)",
            "average score (1–5) of the CSAT answers (SurveyAnswered, kind csat) of the period",
            "/5", KpiDirection.HigherIsBetter, Target: 4.5, Amber: 4, KpiAggregate.Mean),
        "csat");

    public KpiDefinition Definition => definition;

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(SurveyAnswered), typeof(LeadRouted), typeof(DealWon)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now) =>
        events.Of<SurveyAnswered>().Where(a => a.Kind == kind && window.Contains(a.At)).Select(a =>
        {
            var unit = events.UnitOf(a.OrganizationId);
            return new KpiRecord("survey", a.SurveyId, a.At, unit, unit, a.Score, $"{kind} answer {a.Score}");
        });
}
