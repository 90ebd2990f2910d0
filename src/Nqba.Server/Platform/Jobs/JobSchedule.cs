using System.Globalization;

namespace Nqba.Server.Platform.Jobs;

/// <summary>When a job fires: every <see cref="Interval"/> (first at start when <see cref="StartNow"/>), or on a cron expression.</summary>
internal sealed record JobSchedule(TimeSpan? Interval, string? Cron, bool StartNow)
{
    /// <summary>Every <paramref name="interval"/>; the first run one interval after start, or at start when <paramref name="startNow"/>.</summary>
    public static JobSchedule Every(TimeSpan interval, bool startNow = false) =>
        interval > TimeSpan.Zero ? new(interval, null, startNow) : throw new ArgumentOutOfRangeException(nameof(interval), "A job's interval must be positive.");

    /// <summary>On a Quartz cron expression (seconds first, e.g. <c>0 0 3 * * ?</c> for 03:00 UTC daily).</summary>
    public static JobSchedule AtCron(string expression) =>
        Quartz.CronExpression.TryParse(expression, out _) ? new(null, expression, false) : throw new ArgumentException($"'{expression}' is not a valid cron expression.", nameof(expression));

    /// <summary>How the schedule reads on the jobs page and in the API (and how a stored trigger is recognised as current).</summary>
    public override string ToString() => Interval is { } every
        ? "every " + every.ToString("c", CultureInfo.InvariantCulture) + (StartNow ? ", first at start" : string.Empty)
        : "cron " + Cron;
}
