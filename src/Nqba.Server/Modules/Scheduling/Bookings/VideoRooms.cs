using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>The default video link: a room with an unguessable name on the configured Jitsi-style server.</summary>
internal sealed class VideoRooms(IOptions<SchedulingOptions> options)
{
    public string NewRoom() => $"{options.Value.VideoBaseUrl.TrimEnd('/')}/nqba-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))}";
}
