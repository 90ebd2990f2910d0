namespace Nqba.Server.Platform.Jobs;

/// <summary>A job as staff see it on the jobs page and through <c>GET /api/admin/jobs</c>.</summary>
/// <param name="Name">The job's name (its class).</param>
/// <param name="Schedule">Its trigger, e.g. <c>every 00:05:00</c> or <c>cron 0 0 3 * * ?</c>.</param>
/// <param name="Interval">The interval of an interval trigger.</param>
/// <param name="Cron">The expression of a cron trigger (UTC).</param>
/// <param name="StartNow">True when an interval job's first run is at start rather than one interval later.</param>
/// <param name="Misfire">What it does about missed fire times: <c>FireOnceNow</c> or <c>Skip</c>.</param>
/// <param name="Retry">What follows a failed run.</param>
/// <param name="Enabled">False when the module's settings turn the job off (it then has no trigger).</param>
/// <param name="DisallowConcurrent">True when two runs never overlap, across all instances.</param>
/// <param name="State">The trigger's state in the job store (Normal, Paused, Blocked, Error, …), or null without a trigger.</param>
/// <param name="NextFireTime">When it fires next.</param>
/// <param name="PreviousFireTime">When its trigger last fired.</param>
/// <param name="LastRunAt">When its last run started (scheduled or on demand).</param>
/// <param name="LastOutcome"><c>succeeded</c> or <c>failed</c>, or null before the first run.</param>
/// <param name="LastDurationMs">How long the last run took.</param>
/// <param name="LastError">The last run's failure (exception type and message), or null.</param>
internal sealed record JobStatus(
    string Name,
    string Schedule,
    TimeSpan? Interval,
    string? Cron,
    bool StartNow,
    string Misfire,
    string Retry,
    bool Enabled,
    bool DisallowConcurrent,
    string? State,
    DateTimeOffset? NextFireTime,
    DateTimeOffset? PreviousFireTime,
    DateTimeOffset? LastRunAt,
    string? LastOutcome,
    double? LastDurationMs,
    string? LastError);
