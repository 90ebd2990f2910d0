using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// The default and last resort: a room with an unguessable name on the configured Jitsi-style server
/// (<c>Scheduling:VideoBaseUrl</c>). Rooms exist as soon as someone joins, so nothing is called and nothing can fail.
/// </summary>
internal sealed class JitsiVideoProvider(IOptions<SchedulingOptions> options) : IVideoProvider
{
    /// <inheritdoc/>
    public string Name => VideoProviderNames.Jitsi;

    /// <inheritdoc/>
    public bool IsConfigured => true;

    /// <inheritdoc/>
    public Task<Result<VideoMeeting>> CreateAsync(VideoMeetingRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<VideoMeeting>>(new VideoMeeting(NewRoom(), null));

    /// <inheritdoc/>
    public Task<Result<bool>> DeleteAsync(string meetingId, CancellationToken cancellationToken) => Task.FromResult<Result<bool>>(true);

    /// <summary>A room is not bound to a time: nothing to move.</summary>
    public Task<Result<bool>> UpdateAsync(string meetingId, VideoMeetingRequest request, CancellationToken cancellationToken) => Task.FromResult<Result<bool>>(true);

    public string NewRoom() => $"{options.Value.VideoBaseUrl.TrimEnd('/')}/nqba-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))}";
}
