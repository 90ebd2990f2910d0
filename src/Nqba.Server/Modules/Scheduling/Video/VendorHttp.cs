using System.Globalization;
using System.Net;
using System.Text.Json;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>Calls a vendor's REST API and turns its failures (HTTP status, no connection, not JSON) into errors.</summary>
internal static class VendorHttp
{
    public const string ClientName = "scheduling-video";

    public static Error Failed(string detail) =>
        new("video_provider_failed", "Video provider failed", detail, StatusCodes.Status502BadGateway);

    /// <summary>Sends the request; the JSON body of a success (an empty object for an empty body).</summary>
    public static async Task<Result<JsonElement>> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Failed($"HTTP {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(body))
            {
                return JsonDocument.Parse("{}").RootElement;
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (HttpRequestException ex)
        {
            return Failed(ex.StatusCode is { } status ? $"HTTP {(int)status}" : Platform.Outbound.OutboundHttp.Describe(ex));
        }
        catch (JsonException)
        {
            return Failed("the answer was not JSON");
        }
    }

    /// <summary>
    /// Sends the request with the provider's bearer token from <paramref name="token"/>; a failed call drops the token
    /// (it may have expired or been revoked), so the next call fetches a new one.
    /// </summary>
    public static async Task<Result<JsonElement>> SendWithTokenAsync(HttpClient client, HttpRequestMessage request, AccessTokens tokens, string tokenKey, Func<CancellationToken, Task<Result<string>>> token, CancellationToken cancellationToken)
    {
        var bearer = await token(cancellationToken);
        if (!bearer.Succeeded)
        {
            return bearer.Error;
        }

        request.Headers.Authorization = AccessTokens.Bearer(bearer.Value);
        var answer = await SendAsync(client, request, cancellationToken);
        if (!answer.Succeeded)
        {
            tokens.Forget(tokenKey);
        }

        return answer;
    }

    /// <summary>Sends a DELETE; 404 and 410 mean the meeting is gone already, which is what was wanted.</summary>
    public static async Task<Result<bool>> DeleteAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone
                ? true
                : Failed($"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return Failed($"connection failed: {ex.HttpRequestError}");
        }
    }

    /// <summary>A non-empty string property of a JSON object, or null.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>An absolute http(s) URL property, or null: a join link must be one.</summary>
    public static string? Link(JsonElement element, string name) =>
        Text(element, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? text : null;

    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static Uri Url(string baseUrl, string path) => new($"{baseUrl.TrimEnd('/')}/{path.TrimStart('/')}");
}
