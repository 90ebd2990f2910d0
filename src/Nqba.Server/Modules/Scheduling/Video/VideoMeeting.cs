namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>A created meeting: its join link and, where the vendor keeps one, the id to delete it by.</summary>
internal sealed record VideoMeeting(string JoinUrl, string? MeetingId);
