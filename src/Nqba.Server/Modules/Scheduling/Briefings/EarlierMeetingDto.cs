namespace Nqba.Server.Modules.Scheduling.Briefings;

internal sealed record EarlierMeetingDto(Guid BookingId, string MeetingType, DateTimeOffset Start, string Status);
