namespace Nqba.Server.Modules.Monitoring.Maintenance;

public sealed record MaintenanceDto(
    Guid Id,
    string Title,
    IReadOnlyList<string> Components,
    string LocalStart,
    string TimeZone,
    int DurationMinutes,
    MaintenanceRecurrence Recurrence,
    string? RecursUntil,
    DateTime? NextStartUtc,
    DateTime? NextEndUtc,
    bool ActiveNow)
{
    internal static MaintenanceDto From(MaintenanceWindow w, IReadOnlyDictionary<Guid, string> keys, DateTime now)
    {
        var active = MaintenanceSchedule.ActiveAt(w, now);
        var next = active ?? MaintenanceSchedule.Occurrences(w, now, now.AddDays(400)).Cast<(DateTime Start, DateTime End)?>().FirstOrDefault();
        return new MaintenanceDto(
            w.Id, w.Title, [.. w.ComponentIds.Select(id => keys.GetValueOrDefault(id, id.ToString()))], w.LocalStart, w.TimeZone, w.DurationMinutes,
            w.Recurrence, w.RecursUntil, next?.Start, next?.End, active is not null);
    }
}
