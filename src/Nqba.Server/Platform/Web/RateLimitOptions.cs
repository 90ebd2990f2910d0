using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Web;

/// <summary>The <c>RateLimits</c> configuration section: requests per minute per caller.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts (token endpoint and sign-in forms) per client IP.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Anonymous public forms (intake, booking, chat) per client IP.</summary>
    [Range(1, 1_000_000)]
    public int PublicFormsPerMinute { get; set; } = 60;

    /// <summary>API requests per API key, user or (anonymous) IP.</summary>
    [Range(1, 10_000_000)]
    public int ApiPerMinute { get; set; } = 6000;
}
