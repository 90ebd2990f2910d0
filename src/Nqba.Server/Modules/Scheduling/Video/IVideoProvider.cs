using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>One source of meeting join links (a vendor's REST API, or the self-hosted room).</summary>
internal interface IVideoProvider
{
    /// <summary>The name used in <c>Scheduling:Video:Providers</c> and in booking notes.</summary>
    string Name { get; }

    /// <summary>Whether its credentials are configured; an unconfigured provider is never called.</summary>
    bool IsConfigured { get; }

    /// <summary>Creates the meeting; a vendor's failure (HTTP error, bad answer) is an <see cref="Error"/>, not an exception.</summary>
    Task<Result<VideoMeeting>> CreateAsync(VideoMeetingRequest request, CancellationToken cancellationToken);

    /// <summary>Moves a meeting this provider created to the request's new times (its join link stays the same).</summary>
    Task<Result<bool>> UpdateAsync(string meetingId, VideoMeetingRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes a meeting this provider created (one already gone counts as deleted).</summary>
    Task<Result<bool>> DeleteAsync(string meetingId, CancellationToken cancellationToken);
}
