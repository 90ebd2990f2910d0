using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// A Microsoft Entra app with the <c>OnlineMeetings.ReadWrite.All</c> application permission and an application
/// access policy for the organizer (<c>Scheduling:Video:Teams</c>): on when all four settings are set.
/// </summary>
public sealed class TeamsOptions : IVideoProviderOptions
{
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The Entra object id (or UPN) of the user who organizes the meetings.</summary>
    public string? OrganizerUserId { get; set; }

    [Required, Url]
    public string LoginBaseUrl { get; set; } = "https://login.microsoftonline.com";

    [Required, Url]
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com";

    /// <inheritdoc/>
    public int RequiredCount => 4;

    /// <inheritdoc/>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(TenantId))
        {
            yield return nameof(TenantId);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return nameof(ClientId);
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return nameof(ClientSecret);
        }

        if (string.IsNullOrWhiteSpace(OrganizerUserId))
        {
            yield return nameof(OrganizerUserId);
        }
    }
}
