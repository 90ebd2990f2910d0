namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>What a provider is asked for: a meeting titled <paramref name="Topic"/> between two UTC instants.</summary>
internal sealed record VideoMeetingRequest(string Topic, DateTime StartUtc, DateTime EndUtc);
