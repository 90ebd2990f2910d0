using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// A Google OAuth client and a refresh token granted the <c>calendar.events</c> scope
/// (<c>Scheduling:Video:GoogleMeet</c>): on when all three are set. Meet links come with calendar events.
/// </summary>
public sealed class GoogleMeetOptions : IVideoProviderOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>The calendar the events are created in (<c>primary</c>: the token owner's).</summary>
    [Required]
    public string CalendarId { get; set; } = "primary";

    [Required, Url]
    public string OAuthBaseUrl { get; set; } = "https://oauth2.googleapis.com";

    [Required, Url]
    public string CalendarBaseUrl { get; set; } = "https://www.googleapis.com";

    /// <inheritdoc/>
    public int RequiredCount => 3;

    /// <inheritdoc/>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return nameof(ClientId);
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return nameof(ClientSecret);
        }

        if (string.IsNullOrWhiteSpace(RefreshToken))
        {
            yield return nameof(RefreshToken);
        }
    }
}
