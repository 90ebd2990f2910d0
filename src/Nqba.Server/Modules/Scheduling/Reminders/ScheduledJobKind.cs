namespace Nqba.Server.Modules.Scheduling.Reminders;

internal enum ScheduledJobKind
{
    Reminder,
    Briefing,
    FollowUp,
}
