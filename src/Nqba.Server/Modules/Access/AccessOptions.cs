using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access;

/// <summary>The <c>Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>Staff must pass a second factor (TOTP or a recovery code) before they can use anything.</summary>
    public bool RequireMfaForStaff { get; set; } = true;

    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The issuer shown in authenticator apps.</summary>
    [Required]
    public string TotpIssuer { get; set; } = "NQBA";
}
