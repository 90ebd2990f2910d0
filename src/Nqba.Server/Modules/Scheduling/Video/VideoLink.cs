namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>The link a booking gets: which provider made it, its meeting id there, and what failed before it.</summary>
internal sealed record VideoLink(string Url, string Provider, string? MeetingId, string? Note);
