namespace Nqba.Server.Modules.Scheduling.Reminders;

/// <summary>
/// A persisted job of a booking (reminder, briefing, follow-up), written in the booking's transaction. An instance
/// claims a due job with a conditional update, so a job runs once however many instances poll, and a restart
/// loses nothing.
/// </summary>
internal sealed class ScheduledJob
{
    public Guid Id { get; set; }

    public Guid BookingId { get; set; }

    public ScheduledJobKind Kind { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? DoneAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
