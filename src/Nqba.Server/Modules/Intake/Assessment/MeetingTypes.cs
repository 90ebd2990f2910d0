namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>The meeting types a lead may be offered (DESIGN.md: 30, 60 and 90 minutes).</summary>
internal static class MeetingTypes
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["discovery-30"] = "30-min discovery call",
        ["demo-60"] = "60-min technical demo",
        ["strategic-90"] = "90-min strategic consultation",
    };

    public static string NameOf(string type) => Names.TryGetValue(type, out var name) ? name : type;
}
