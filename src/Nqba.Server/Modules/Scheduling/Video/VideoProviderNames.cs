namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>The provider names of <c>Scheduling:Video:Providers</c>, also recorded on bookings.</summary>
internal static class VideoProviderNames
{
    public const string Jitsi = "Jitsi";
    public const string Zoom = "Zoom";
    public const string Teams = "Teams";
    public const string GoogleMeet = "GoogleMeet";

    public static readonly string[] All = [Zoom, Teams, GoogleMeet, Jitsi];
}
