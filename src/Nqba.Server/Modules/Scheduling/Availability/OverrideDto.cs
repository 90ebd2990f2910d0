namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>A date override: its ranges in order (none = unavailable); Opens/Closes repeat the first range.</summary>
internal sealed record OverrideDto(Guid Id, DateOnly Date, TimeOnly? Opens, TimeOnly? Closes, List<OverrideRange> Ranges, string? Note)
{
    public static OverrideDto From(AvailabilityOverride entry)
    {
        var ranges = entry.Ranges.OrderBy(r => r.Opens).Select(r => new OverrideRange(r.Opens, r.Closes)).ToList();
        return new OverrideDto(entry.Id, entry.Date, ranges.FirstOrDefault()?.Opens, ranges.FirstOrDefault()?.Closes, ranges, entry.Note);
    }
}
