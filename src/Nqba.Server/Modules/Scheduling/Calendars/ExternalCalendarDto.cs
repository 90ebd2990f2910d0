namespace Nqba.Server.Modules.Scheduling.Calendars;

internal sealed record ExternalCalendarDto(Guid Id, string Name, string? Url, DateTimeOffset? FetchedAt, string? LastError, int Events)
{
    public static ExternalCalendarDto From(ExternalCalendar c) =>
        new(c.Id, c.Name, c.Url, c.FetchedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null, c.LastError, BusyFeedReader.CountEvents(c.Content));
}
