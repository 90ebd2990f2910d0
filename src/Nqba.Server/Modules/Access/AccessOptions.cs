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

    /// <summary>
    /// How long one instance trusts its cached copy of an account's security stamp and lockout. A revocation on this
    /// instance is effective at once; another instance sees it within this time. Zero: the database on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SessionCheckCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The issuer shown in authenticator apps.</summary>
    [Required]
    public string TotpIssuer { get; set; } = "NQBA";

    /// <summary>Days to answer a GDPR data-subject request (one month).</summary>
    [Range(1, 90)]
    public int GdprResponseDays { get; set; } = 30;

    /// <summary>Days to answer a CCPA request.</summary>
    [Range(1, 90)]
    public int CcpaResponseDays { get; set; } = 45;

    /// <summary>
    /// Retention per category in days (e.g. <c>"intake.leads": 730</c>): personal data of records older than that is
    /// erased on schedule. A category not listed is kept.
    /// </summary>
    public Dictionary<string, int> RetentionDays { get; set; } = [];

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);
}
