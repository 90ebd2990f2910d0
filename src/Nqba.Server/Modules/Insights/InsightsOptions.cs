using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Insights;

/// <summary>The <c>Insights</c> settings section.</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>How many periods a KPI's trend shows, the current one included (default 8).</summary>
    [Range(2, 24)]
    public int TrendPeriods { get; set; } = 8;

    /// <summary>How far before the trend's first period events are read for what they refer to (a won deal's lead, a component's state; default 365 days).</summary>
    [Range(7, 3650)]
    public int LookBackDays { get; set; } = 365;

    /// <summary>Whether the weekly KPI report is mailed (default true).</summary>
    public bool WeeklyReportEnabled { get; set; } = true;

    /// <summary>When the weekly report is mailed (Quartz cron, UTC; default Mondays at 07:00).</summary>
    [Required]
    public string WeeklyReportCron { get; set; } = "0 0 7 ? * MON";
}
