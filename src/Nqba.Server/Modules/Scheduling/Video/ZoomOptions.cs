using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>A Zoom Server-to-Server OAuth app (<c>Scheduling:Video:Zoom</c>): on when all three credentials are set.</summary>
public sealed class ZoomOptions : IVideoProviderOptions
{
    public string? AccountId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The user whose meetings are created (<c>me</c>: the app's account owner).</summary>
    [Required]
    public string UserId { get; set; } = "me";

    [Required, Url]
    public string OAuthBaseUrl { get; set; } = "https://zoom.us";

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.zoom.us";

    /// <inheritdoc/>
    public int RequiredCount => 3;

    /// <inheritdoc/>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(AccountId))
        {
            yield return nameof(AccountId);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return nameof(ClientId);
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return nameof(ClientSecret);
        }
    }
}
