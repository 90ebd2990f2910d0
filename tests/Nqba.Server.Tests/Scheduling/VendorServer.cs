using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>
/// Zoom, Microsoft identity platform + Graph and Google OAuth + Calendar on 127.0.0.1, answering per their documented
/// contracts (and rejecting requests that break them with 400/401), recording every request they receive.
/// </summary>
public sealed class VendorServer : IAsyncDisposable
{
    public const string ZoomToken = "zoom-access-token";
    public const string TeamsToken = "teams-access-token";
    public const string GoogleToken = "google-access-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<VendorCall> _calls = new();
    private long _ids = 85746065432;

    private VendorServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<VendorCall> Calls => [.. _calls];

    /// <summary>The status the meeting calls answer with when not 2xx (a success otherwise).</summary>
    public int? ZoomFailure { get; set; }

    public int? TeamsFailure { get; set; }

    public int? GoogleFailure { get; set; }

    /// <summary>How long Google's event call takes.</summary>
    public TimeSpan GoogleDelay { get; set; }

    public void Reset() => (ZoomFailure, TeamsFailure, GoogleFailure, GoogleDelay) = (null, null, null, TimeSpan.Zero);

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public static async Task<VendorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new VendorServer(app);
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            server._calls.Enqueue(new VendorCall(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
            await next(context);
        });

        // Zoom Server-to-Server OAuth: https://developers.zoom.us/docs/internal-apps/s2s-oauth/
        app.MapPost("/zoom/oauth/token", (HttpRequest request) =>
            request.Query["grant_type"] == "account_credentials" && request.Query["account_id"] == "zoom-account"
                && request.Headers.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("zoom-client:zoom-secret"))
                ? Results.Json(new { access_token = ZoomToken, token_type = "bearer", expires_in = 3599, scope = "meeting:write:meeting:admin", api_url = "https://api.zoom.us" })
                : Results.Json(new { reason = "Invalid client_id or client_secret", error = "invalid_client" }, statusCode: 400));
        app.MapPost("/zoom-api/v2/users/me/meetings", (HttpRequest request, JsonElement body) =>
        {
            if (request.Headers.Authorization != "Bearer " + ZoomToken || server.ZoomFailure is { } failure)
            {
                return Results.Json(new { code = 124, message = "Invalid access token." }, statusCode: server.ZoomFailure ?? 401);
            }

            if (!body.TryGetProperty("topic", out _) || body.GetProperty("type").GetInt32() != 2 || !body.TryGetProperty("start_time", out _) || body.GetProperty("duration").GetInt32() <= 0)
            {
                return Results.Json(new { code = 300, message = "Validation Failed." }, statusCode: 400);
            }

            var id = Interlocked.Increment(ref server._ids);
            return Results.Json(new { id, uuid = "aDYlohsHRtCd4ii1uC2+hA==", host_id = "z8yCxjabcdEFGHfp8uQ", topic = body.GetProperty("topic").GetString(), type = 2, start_time = body.GetProperty("start_time").GetString(), duration = body.GetProperty("duration").GetInt32(), join_url = $"https://zoom.vendor.test/j/{id}" }, statusCode: 201);
        });
        app.MapDelete("/zoom-api/v2/meetings/{id}", (HttpRequest request, string id) =>
            request.Headers.Authorization == "Bearer " + ZoomToken ? Results.NoContent() : Results.StatusCode(401));
        // https://developers.zoom.us/docs/api/meetings/#tag/meetings/PATCH/meetings/{meetingId}: 204 No Content
        app.MapPatch("/zoom-api/v2/meetings/{id}", (HttpRequest request, string id, JsonElement body) =>
            request.Headers.Authorization != "Bearer " + ZoomToken || server.ZoomFailure is not null
                ? Results.Json(new { code = 124, message = "Invalid access token." }, statusCode: server.ZoomFailure ?? 401)
                : body.TryGetProperty("start_time", out _) && body.GetProperty("duration").GetInt32() > 0 ? Results.NoContent() : Results.Json(new { code = 300 }, statusCode: 400));

        // Microsoft identity platform client credentials and Graph onlineMeetings:
        // https://learn.microsoft.com/graph/api/application-post-onlinemeetings
        app.MapPost("/login/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            var form = await request.ReadFormAsync();
            return tenant == "teams-tenant" && form["client_id"] == "teams-client" && form["client_secret"] == "teams-secret"
                && form["scope"] == "https://graph.microsoft.com/.default" && form["grant_type"] == "client_credentials"
                ? Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = TeamsToken })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        app.MapPost("/graph/v1.0/users/{organizer}/onlineMeetings", (HttpRequest request, string organizer, JsonElement body) =>
        {
            if (request.Headers.Authorization != "Bearer " + TeamsToken || server.TeamsFailure is not null)
            {
                return Results.Json(new { error = new { code = "InvalidAuthenticationToken", message = "Access token is empty." } }, statusCode: server.TeamsFailure ?? 401);
            }

            if (organizer != "organizer-1" || !body.TryGetProperty("startDateTime", out _) || !body.TryGetProperty("endDateTime", out _) || !body.TryGetProperty("subject", out _))
            {
                return Results.Json(new { error = new { code = "BadRequest" } }, statusCode: 400);
            }

            var id = "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZi" + Interlocked.Increment(ref server._ids);
            return Results.Json(new { id, subject = body.GetProperty("subject").GetString(), joinWebUrl = $"https://teams.vendor.test/l/meetup-join/19%3ameeting_{id}%40thread.v2/0" }, statusCode: 201);
        });
        app.MapDelete("/graph/v1.0/users/{organizer}/onlineMeetings/{id}", (HttpRequest request) =>
            request.Headers.Authorization == "Bearer " + TeamsToken ? Results.NoContent() : Results.StatusCode(401));
        // https://learn.microsoft.com/graph/api/onlinemeeting-update: 200 with the updated meeting
        app.MapPatch("/graph/v1.0/users/{organizer}/onlineMeetings/{id}", (HttpRequest request, string id, JsonElement body) =>
            request.Headers.Authorization != "Bearer " + TeamsToken || server.TeamsFailure is not null
                ? Results.Json(new { error = new { code = "InvalidAuthenticationToken" } }, statusCode: server.TeamsFailure ?? 401)
                : Results.Json(new { id, startDateTime = body.GetProperty("startDateTime").GetString(), endDateTime = body.GetProperty("endDateTime").GetString() }));

        // Google OAuth refresh-token grant and Calendar events.insert with conferenceData:
        // https://developers.google.com/calendar/api/guides/create-events#conferencing
        app.MapPost("/google-oauth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["client_id"] == "google-client" && form["client_secret"] == "google-secret" && form["refresh_token"] == "google-refresh" && form["grant_type"] == "refresh_token"
                ? Results.Json(new { access_token = GoogleToken, expires_in = 3599, scope = "https://www.googleapis.com/auth/calendar.events", token_type = "Bearer" })
                : Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        });
        app.MapPost("/google/calendar/v3/calendars/{calendar}/events", async (HttpRequest request, string calendar, JsonElement body) =>
        {
            await Task.Delay(server.GoogleDelay); // a slow remote API, when a test asks for one (the product's timeout is under test)
            if (request.Headers.Authorization != "Bearer " + GoogleToken || server.GoogleFailure is not null)
            {
                return Results.Json(new { error = new { code = 401, message = "Request had invalid authentication credentials." } }, statusCode: server.GoogleFailure ?? 401);
            }

            var create = body.TryGetProperty("conferenceData", out var data) && data.TryGetProperty("createRequest", out var c) ? c : default;
            if (calendar != "sales@nqba.test" || request.Query["conferenceDataVersion"] != "1" || create.ValueKind != JsonValueKind.Object
                || create.GetProperty("conferenceSolutionKey").GetProperty("type").GetString() != "hangoutsMeet" || string.IsNullOrEmpty(create.GetProperty("requestId").GetString()))
            {
                return Results.Json(new { error = new { code = 400, message = "Invalid conference type value." } }, statusCode: 400);
            }

            var id = "evt" + Interlocked.Increment(ref server._ids);
            return Results.Json(new
            {
                kind = "calendar#event",
                id,
                status = "confirmed",
                hangoutLink = $"https://meet.vendor.test/{id}",
                start = body.GetProperty("start"),
                end = body.GetProperty("end"),
                conferenceData = new { createRequest = new { requestId = create.GetProperty("requestId").GetString(), status = new { statusCode = "success" } } },
            });
        });
        app.MapDelete("/google/calendar/v3/calendars/{calendar}/events/{id}", (HttpRequest request) =>
            request.Headers.Authorization == "Bearer " + GoogleToken ? Results.NoContent() : Results.StatusCode(401));
        // https://developers.google.com/calendar/api/v3/reference/events/patch: 200 with the event
        app.MapPatch("/google/calendar/v3/calendars/{calendar}/events/{id}", (HttpRequest request, string id, JsonElement body) =>
            request.Headers.Authorization != "Bearer " + GoogleToken || server.GoogleFailure is not null
                ? Results.Json(new { error = new { code = 401 } }, statusCode: server.GoogleFailure ?? 401)
                : Results.Json(new { kind = "calendar#event", id, status = "confirmed", hangoutLink = $"https://meet.vendor.test/{id}", start = body.GetProperty("start"), end = body.GetProperty("end") }));

        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One request as the vendor received it.</summary>
    public sealed record VendorCall(string Method, string Path, string Query, string Authorization, string? ContentType, string Body);
}
