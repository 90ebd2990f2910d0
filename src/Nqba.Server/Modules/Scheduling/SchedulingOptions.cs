using System.ComponentModel.DataAnnotations;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Video;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>The <c>Scheduling</c> configuration section.</summary>
public sealed class SchedulingOptions : IValidatableObject
{
    public const string SectionName = "Scheduling";

    /// <summary>Meeting types seeded into the database on start when their code is new (existing ones are edited through the API).</summary>
    public List<MeetingTypeOptions> MeetingTypes { get; set; } =
    [
        new() { Code = "discovery-30", Name = "30-min discovery call", DurationMinutes = 30 },
        new() { Code = "demo-60", Name = "60-min technical demo", DurationMinutes = 60 },
        new() { Code = "strategic-90", Name = "90-min strategic consultation", DurationMinutes = 90 },
    ];

    /// <summary>How long a chosen slot is held for the client while the booking form is filled in.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The widest date range one slot query may ask for.</summary>
    [Range(1, 93)]
    public int MaxQueryDays { get; set; } = 62;

    /// <summary>
    /// Runs <c>ReminderJob</c> (false: it has no trigger; tests drive <c>JobRunner</c> by hand). The trigger is shared by
    /// a cluster, so set it alike on every instance.
    /// </summary>
    public bool JobsEnabled { get; set; } = true;

    /// <summary>How often due reminder jobs are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often busy-time feeds (iCalendar URLs) are fetched again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FeedRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reminders before a meeting (default 24 h and 1 h).</summary>
    public List<TimeSpan> Reminders { get; set; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>When the follow-up e-mail goes out after a meeting's end.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Base address of the self-hosted Jitsi-style video rooms a meeting gets by default.</summary>
    [Required, Url]
    public string VideoBaseUrl { get; set; } = "https://meet.jit.si";

    /// <summary>Video providers (Zoom, Teams, Google Meet) tried before the Jitsi-style room.</summary>
    public VideoOptions Video { get; set; } = new();

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Video.Validate($"{SectionName}:Video");
}
