using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// Zoom meetings through a Server-to-Server OAuth app: an <c>account_credentials</c> token, then
/// <c>POST /v2/users/{userId}/meetings</c> (a scheduled meeting, type 2), whose <c>join_url</c> the booking gets.
/// </summary>
internal sealed class ZoomVideoProvider(IHttpClientFactory clients, AccessTokens tokens, IOptions<SchedulingOptions> options) : IVideoProvider
{
    private ZoomOptions Zoom => options.Value.Video.Zoom;

    private string TokenKey => $"zoom:{Zoom.AccountId}:{Zoom.ClientId}";

    /// <inheritdoc/>
    public string Name => VideoProviderNames.Zoom;

    /// <inheritdoc/>
    public bool IsConfigured => !Zoom.Missing().Any();

    /// <inheritdoc/>
    public async Task<Result<VideoMeeting>> CreateAsync(VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["topic"] = request.Topic,
            ["type"] = 2,
            ["start_time"] = VendorHttp.Utc(request.StartUtc),
            ["duration"] = (int)Math.Ceiling((request.EndUtc - request.StartUtc).TotalMinutes),
            ["timezone"] = "UTC",
        };
        var answer = await CallAsync(HttpMethod.Post, $"v2/users/{Uri.EscapeDataString(Zoom.UserId)}/meetings", body, cancellationToken);
        if (!answer.Succeeded)
        {
            return answer.Error;
        }

        return VendorHttp.Link(answer.Value, "join_url") is { } joinUrl
            ? new VideoMeeting(joinUrl, VendorHttp.Text(answer.Value, "id"))
            : VendorHttp.Failed("the answer had no join_url");
    }

    /// <inheritdoc/>
    /// <remarks><c>PATCH /v2/meetings/{meetingId}</c> with the new start and duration; Zoom answers 204.</remarks>
    public async Task<Result<bool>> UpdateAsync(string meetingId, VideoMeetingRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["start_time"] = VendorHttp.Utc(request.StartUtc),
            ["duration"] = (int)Math.Ceiling((request.EndUtc - request.StartUtc).TotalMinutes),
            ["timezone"] = "UTC",
        };
        var answer = await CallAsync(HttpMethod.Patch, $"v2/meetings/{Uri.EscapeDataString(meetingId)}", body, cancellationToken);
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

        using var call = new HttpRequestMessage(HttpMethod.Delete, VendorHttp.Url(Zoom.ApiBaseUrl, $"v2/meetings/{Uri.EscapeDataString(meetingId)}"));
        call.Headers.Authorization = AccessTokens.Bearer(token.Value);
        return await VendorHttp.DeleteAsync(clients.CreateClient(VendorHttp.ClientName), call, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> to the API with this provider's bearer token.</summary>
    private async Task<Result<JsonElement>> CallAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var call = new HttpRequestMessage(method, VendorHttp.Url(Zoom.ApiBaseUrl, path)) { Content = JsonContent.Create(body) };
        return await VendorHttp.SendWithTokenAsync(clients.CreateClient(VendorHttp.ClientName), call, tokens, TokenKey, TokenAsync, cancellationToken);
    }

    private Task<Result<string>> TokenAsync(CancellationToken cancellationToken) => tokens.GetAsync(TokenKey, () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, VendorHttp.Url(Zoom.OAuthBaseUrl, $"oauth/token?grant_type=account_credentials&account_id={Uri.EscapeDataString(Zoom.AccountId!)}"))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Zoom.ClientId}:{Zoom.ClientSecret}")));
        return request;
    }, cancellationToken);
}
