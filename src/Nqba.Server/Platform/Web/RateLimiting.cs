using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Rate limits per API key, user or IP. Endpoints opt into the stricter policies by name
/// (<see cref="SignIn"/>, <see cref="PublicForms"/>); every API request also counts against
/// <see cref="RateLimitOptions.ApiPerMinute"/>. A refused request gets 429 with Retry-After, as a problem.
/// </summary>
public static class RateLimiting
{
    public const string SignIn = "sign-in";
    public const string PublicForms = "public-forms";

    internal static IServiceCollection AddNqbaRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Rate limit reached; retry after the time in the Retry-After header." },
                });
            };
            o.AddPolicy(SignIn, context => PerMinute(ClientIp(context), context, r => r.SignInPerMinute));
            o.AddPolicy(PublicForms, context => PerMinute(ClientIp(context), context, r => r.PublicFormsPerMinute));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? PerMinute(CallerKey(context), context, r => r.ApiPerMinute)
                    : RateLimitPartition.GetNoLimiter("pages"));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(string key, HttpContext context, Func<RateLimitOptions, int> limit)
    {
        var permits = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static string ClientIp(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>
    /// An authenticated API key by its id (two keys of one user are limited apart), a signed-in user by id, anyone
    /// else by IP. Authentication runs first, so a made-up key never gets a partition of its own.
    /// </summary>
    private static string CallerKey(HttpContext context)
    {
        if (context.User.FindFirstValue(NqbaClaims.ApiKey) is { } apiKey)
        {
            return "key:" + apiKey;
        }

        return context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user:" + user : ClientIp(context);
    }
}
