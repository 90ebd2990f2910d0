namespace Nqba.Server.Modules.Scheduling.Calendars;

internal sealed record FeedLinkDto(string Url);
