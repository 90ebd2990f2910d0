using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// Google Meet links through the Calendar API: a refresh-token grant, then an event created with
/// <c>conferenceData.createRequest</c> (<c>hangoutsMeet</c>, <c>conferenceDataVersion=1</c>), whose
/// <c>hangoutLink</c> the booking gets. The event id is kept to delete the event (and its Meet) on cancellation.
/// </summary>
internal sealed class GoogleMeetVideoProvider(IHttpClientFactory clients, AccessTokens tokens, IOptions<SchedulingOptions> options) : IVideoProvider
{
    private GoogleMeetOptions Google => options.Value.Video.GoogleMeet;

    private string TokenKey => $"google:{Google.ClientId}:{Google.RefreshToken}";

    private string Events => $"calendar/v3/calendars/{Uri.EscapeDataString(Google.CalendarId)}/events";

    /// <inheritdoc/>
    public string Name => VideoProviderNames.GoogleMeet;

    /// <inheritdoc/>
    public bool IsConfigured => !Google.Missing().Any();

    /// <inheritdoc/>
    public async Task<Result<VideoMeeting>> CreateAsync(VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["summary"] = request.Topic,
            ["start"] = new JsonObject { ["dateTime"] = VendorHttp.Utc(request.StartUtc), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = VendorHttp.Utc(request.EndUtc), ["timeZone"] = "UTC" },
            ["conferenceData"] = new JsonObject
            {
                ["createRequest"] = new JsonObject
                {
                    ["requestId"] = Guid.NewGuid().ToString("N"),
                    ["conferenceSolutionKey"] = new JsonObject { ["type"] = "hangoutsMeet" },
                },
            },
        };
        var answer = await CallAsync(HttpMethod.Post, Events + "?conferenceDataVersion=1", body, cancellationToken);
        if (!answer.Succeeded)
        {
            return answer.Error;
        }

        var eventId = VendorHttp.Text(answer.Value, "id");
        if (VendorHttp.Link(answer.Value, "hangoutLink") is { } joinUrl)
        {
            return new VideoMeeting(joinUrl, eventId);
        }

        // The conference was not created (or is still pending): the event is of no use without it.
        if (eventId is not null)
        {
            await DeleteAsync(eventId, cancellationToken);
        }

        return VendorHttp.Failed("the answer had no hangoutLink");
    }

    /// <inheritdoc/>
    /// <remarks>Calendar <c>events.patch</c> with the new start and end; the event keeps its Meet conference.</remarks>
    public async Task<Result<bool>> UpdateAsync(string meetingId, VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["start"] = new JsonObject { ["dateTime"] = VendorHttp.Utc(request.StartUtc), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = VendorHttp.Utc(request.EndUtc), ["timeZone"] = "UTC" },
        };
        var answer = await CallAsync(HttpMethod.Patch, $"{Events}/{Uri.EscapeDataString(meetingId)}", body, cancellationToken);
        return answer.Succeeded ? true : answer.Error;
    }

    /// <inheritdoc/>
    public async Task<Result<bool>> DeleteAsync(string meetingId, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        if (!token.Succeeded)
        {
            return token.Error;
        }

        using var call = new HttpRequestMessage(HttpMethod.Delete, VendorHttp.Url(Google.CalendarBaseUrl, $"{Events}/{Uri.EscapeDataString(meetingId)}"));
        call.Headers.Authorization = AccessTokens.Bearer(token.Value);
        return await VendorHttp.DeleteAsync(clients.CreateClient(VendorHttp.ClientName), call, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> to the API with this provider's bearer token.</summary>
    private async Task<Result<JsonElement>> CallAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var call = new HttpRequestMessage(method, VendorHttp.Url(Google.CalendarBaseUrl, path)) { Content = JsonContent.Create(body) };
        return await VendorHttp.SendWithTokenAsync(clients.CreateClient(VendorHttp.ClientName), call, tokens, TokenKey, TokenAsync, cancellationToken);
    }

    private Task<Result<string>> TokenAsync(CancellationToken cancellationToken) => tokens.GetAsync(TokenKey, () => new HttpRequestMessage(
        HttpMethod.Post, VendorHttp.Url(Google.OAuthBaseUrl, "token"))
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = Google.ClientId!,
            ["client_secret"] = Google.ClientSecret!,
            ["refresh_token"] = Google.RefreshToken!,
            ["grant_type"] = "refresh_token",
        }),
    }, cancellationToken);
}
