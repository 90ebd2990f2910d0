using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>Signed, expiring survey links: the token is the invitation id protected with ASP.NET Core Data Protection.</summary>
internal sealed class SurveyLinks(IDataProtectionProvider protection, IOptions<SupportOptions> options, PublicLinks links)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Nqba.Support.SurveyLink.v1").ToTimeLimitedDataProtector();

    public string TokenFor(Guid invitationId) => _protector.Protect(invitationId.ToString("N"), options.Value.SurveyLinkLifetime);

    public string UrlFor(Guid invitationId) => links.To($"/support/survey/{Uri.EscapeDataString(TokenFor(invitationId))}");

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
