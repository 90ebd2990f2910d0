namespace Nqba.Server.Modules.Support.Surveys;

public enum SurveyKind
{
    /// <summary>Customer satisfaction, 1–5, after a ticket is solved.</summary>
    Csat,

    /// <summary>Net promoter score, 0–10, per client contact on a schedule.</summary>
    Nps,
}
