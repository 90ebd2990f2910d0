using System.Globalization;
using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// How a job's last run went. Kept in the job's Quartz data (persisted after each run), so every instance of a cluster
/// sees the last run wherever it happened.
/// </summary>
internal sealed record JobOutcome(DateTimeOffset StartedAt, TimeSpan Duration, bool Succeeded, string? Error)
{
    private const string StartedAtKey = "nqba.lastRunAt";
    private const string DurationKey = "nqba.lastDurationMs";
    private const string OutcomeKey = "nqba.lastOutcome";
    private const string ErrorKey = "nqba.lastError";

    /// <summary>The error text kept is cut to this length (the full exception is in the log).</summary>
    private const int MaxErrorLength = 500;

    public void WriteTo(JobDataMap data)
    {
        data[StartedAtKey] = StartedAt.ToString("O", CultureInfo.InvariantCulture);
        data[DurationKey] = Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        data[OutcomeKey] = Succeeded ? "succeeded" : "failed";
        data[ErrorKey] = Error is null ? string.Empty : Error[..Math.Min(Error.Length, MaxErrorLength)];
    }

    public static void CopyBetween(JobDataMap from, JobDataMap to)
    {
        foreach (var key in new[] { StartedAtKey, DurationKey, OutcomeKey, ErrorKey })
        {
            if (from.TryGetValue(key, out var value))
            {
                to[key] = value;
            }
        }
    }

    public static JobOutcome? ReadFrom(JobDataMap data)
    {
        if (!data.TryGetValue(StartedAtKey, out var startedAt) || startedAt is not string started
            || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return null;
        }

        var duration = data.TryGetValue(DurationKey, out var ms) && double.TryParse(ms as string, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var error = data.TryGetValue(ErrorKey, out var text) && text is string { Length: > 0 } message ? message : null;
        return new JobOutcome(at, TimeSpan.FromMilliseconds(duration), data.TryGetValue(OutcomeKey, out var outcome) && outcome as string == "succeeded", error);
    }
}
