using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Intake;

/// <summary>Settings of the Intake module (section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Mail domains shared by many companies: a contact from one of these is never matched to a client by domain.
    /// </summary>
    public List<string> PublicEmailDomains { get; set; } =
        ["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "proton.me", "protonmail.com", "yahoo.co.jp"];

    /// <summary>The folder of the questionnaire files (<c>sigmaeq.v*.json</c>), relative to the application folder.</summary>
    [Required]
    public string QuestionnaireDirectory { get; set; } = "Modules/Intake/Assessment";

    /// <summary>How long a resume link of the assessment stays valid.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "365.00:00:00")]
    public TimeSpan AssessmentLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Lead-response target in business minutes of the routed unit's region.</summary>
    [Range(1, 1440)]
    public int ResponseTargetMinutes { get; set; } = 5;

    /// <summary>A lead is escalated when this share of the target has passed without a touch.</summary>
    [Range(0.1, 1.0)]
    public double EscalateAtShare { get; set; } = 0.6;

    /// <summary>
    /// The unit that owns a prospect no unit was chosen for (the assessment was abandoned): when such a lead nears its
    /// response target, it is routed to this unit's lead (its most senior specialist), who is told. DESIGN.md: NQBA
    /// Core is where every prospect enters.
    /// </summary>
    [Required]
    public string DefaultUnitCode { get; set; } = "nqba-core";

    /// <summary>The region whose business calendar runs the response clock of a lead that names no region.</summary>
    [Required]
    public string DefaultRegionCode { get; set; } = "us-east";

    /// <summary>How often untouched leads are checked for escalation and breach.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResponseCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Watch untouched leads from this instance: escalate them at risk, route the unrouted to the unit lead, mark breaches.</summary>
    public bool ResponseWatchEnabled { get; set; } = true;

    /// <summary>
    /// How the intake form's region (a region code) answers the assessment's <c>region</c> question, so the prospect
    /// is not asked twice. A region missing here is simply asked in the assessment.
    /// </summary>
    public Dictionary<string, string> AssessmentRegionAnswers { get; set; } = new(StringComparer.Ordinal)
    {
        ["us-east"] = "north_america",
        ["us-west"] = "north_america",
        ["europe"] = "europe",
        ["apac"] = "asia_pacific",
    };
}
