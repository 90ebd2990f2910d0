using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>Signed, expiring resume links: the token is the assessment id protected with ASP.NET Core Data Protection.</summary>
internal sealed class AssessmentLinks(IDataProtectionProvider protection, IOptions<IntakeOptions> options)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Nqba.Intake.AssessmentLink.v1").ToTimeLimitedDataProtector();

    public string TokenFor(Guid assessmentId) => _protector.Protect(assessmentId.ToString("N"), options.Value.AssessmentLinkLifetime);

    public static string PageUrl(string token, string language) => $"/intake/assessment/{Uri.EscapeDataString(token)}?lang={language}";

    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            // Tampered, expired or from another key ring: the link is simply not valid.
            return null;
        }
    }
}
