using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// Microsoft Teams meetings through Microsoft Graph: a client-credentials token for
/// <c>https://graph.microsoft.com/.default</c>, then <c>POST /v1.0/users/{organizer}/onlineMeetings</c>, whose
/// <c>joinWebUrl</c> the booking gets.
/// </summary>
internal sealed class TeamsVideoProvider(IHttpClientFactory clients, AccessTokens tokens, IOptions<SchedulingOptions> options) : IVideoProvider
{
    private TeamsOptions Teams => options.Value.Video.Teams;

    private string TokenKey => $"teams:{Teams.TenantId}:{Teams.ClientId}";

    private string Meetings => $"v1.0/users/{Uri.EscapeDataString(Teams.OrganizerUserId!)}/onlineMeetings";

    /// <inheritdoc/>
    public string Name => VideoProviderNames.Teams;

    /// <inheritdoc/>
    public bool IsConfigured => !Teams.Missing().Any();

    /// <inheritdoc/>
    public async Task<Result<VideoMeeting>> CreateAsync(VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["startDateTime"] = VendorHttp.Utc(request.StartUtc),
            ["endDateTime"] = VendorHttp.Utc(request.EndUtc),
            ["subject"] = request.Topic,
        };
        var answer = await CallAsync(HttpMethod.Post, Meetings, body, cancellationToken);
        if (!answer.Succeeded)
        {
            return answer.Error;
        }

        return VendorHttp.Link(answer.Value, "joinWebUrl") is { } joinUrl
            ? new VideoMeeting(joinUrl, VendorHttp.Text(answer.Value, "id"))
            : VendorHttp.Failed("the answer had no joinWebUrl");
    }

    /// <inheritdoc/>
    /// <remarks>Graph <c>PATCH /users/{userId}/onlineMeetings/{meetingId}</c> with the new start and end.</remarks>
    public async Task<Result<bool>> UpdateAsync(string meetingId, VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["startDateTime"] = VendorHttp.Utc(request.StartUtc),
            ["endDateTime"] = VendorHttp.Utc(request.EndUtc),
        };
        var answer = await CallAsync(HttpMethod.Patch, $"{Meetings}/{Uri.EscapeDataString(meetingId)}", body, cancellationToken);
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

        using var call = new HttpRequestMessage(HttpMethod.Delete, VendorHttp.Url(Teams.GraphBaseUrl, $"{Meetings}/{Uri.EscapeDataString(meetingId)}"));
        call.Headers.Authorization = AccessTokens.Bearer(token.Value);
        return await VendorHttp.DeleteAsync(clients.CreateClient(VendorHttp.ClientName), call, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> to the API with this provider's bearer token.</summary>
    private async Task<Result<JsonElement>> CallAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var call = new HttpRequestMessage(method, VendorHttp.Url(Teams.GraphBaseUrl, path)) { Content = JsonContent.Create(body) };
        return await VendorHttp.SendWithTokenAsync(clients.CreateClient(VendorHttp.ClientName), call, tokens, TokenKey, TokenAsync, cancellationToken);
    }

    private Task<Result<string>> TokenAsync(CancellationToken cancellationToken) => tokens.GetAsync(TokenKey, () => new HttpRequestMessage(
        HttpMethod.Post, VendorHttp.Url(Teams.LoginBaseUrl, $"{Uri.EscapeDataString(Teams.TenantId!)}/oauth2/v2.0/token"))
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = Teams.ClientId!,
            ["client_secret"] = Teams.ClientSecret!,
            ["scope"] = "https://graph.microsoft.com/.default",
            ["grant_type"] = "client_credentials",
        }),
    }, cancellationToken);
}
