namespace Nqba.Browser.Tests;

/// <summary>
/// The SigmaEQ answers of one prospect (a large company automating support and analytics, ready to buy now), by
/// question id: whichever questions a step shows are answered from here. They route to FLYFOX AI with a 90-minute
/// strategic consultation, Sigma Select the runner-up.
/// </summary>
internal static class ProspectAnswers
{
    public static readonly IReadOnlyDictionary<string, string[]> ByQuestion = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["goal"] = ["automate"],
        ["automation_area"] = ["support", "analytics"],
        ["also_interested"] = ["leads"],
        ["data"] = ["warehouse"],
        ["tooling"] = ["custom"],
        ["team"] = ["engineering"],
        ["demo"] = ["yes"],
        ["budget"] = ["over_250k"],
        ["timeline"] = ["now"],
        ["authority"] = ["final"],
        ["size"] = ["over_500"],
        ["industry"] = ["technology"],
        ["region"] = ["north_america"],
    };
}
