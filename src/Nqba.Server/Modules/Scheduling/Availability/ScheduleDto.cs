namespace Nqba.Server.Modules.Scheduling.Availability;

internal sealed record ScheduleDto(Guid Id, Guid SpecialistId, string Name, string TimeZone, bool IsDefault, int Version, List<ScheduleRange> Week)
{
    public static ScheduleDto From(AvailabilitySchedule schedule) => new(
        schedule.Id,
        schedule.SpecialistId,
        schedule.Name,
        schedule.TimeZone,
        schedule.IsDefault,
        schedule.Version,
        [.. schedule.Ranges.OrderBy(r => r.Day).ThenBy(r => r.Opens).Select(r => new ScheduleRange(r.Day, r.Opens, r.Closes))]);
}
