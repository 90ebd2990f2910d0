using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>What a proposal link says when read.</summary>
internal enum ProposalLinkState
{
    /// <summary>Genuine and in time.</summary>
    Valid,

    /// <summary>Not one of ours: tampered with, truncated, from another key ring, or not a link at all.</summary>
    Invalid,

    /// <summary>Genuine, but past its lifetime.</summary>
    Expired,
}

/// <summary>A read proposal link: the proposal and the version it was sent for (both set unless <see cref="ProposalLinkState.Invalid"/>).</summary>
internal sealed record ProposalLink(ProposalLinkState State, Guid ProposalId, int Version);

/// <summary>
/// The client's signed link to one sent proposal version: the proposal id, the version and an expiry, protected (encrypted
/// and authenticated, HMAC-SHA256) with ASP.NET Core Data Protection, whose keys every instance shares through the
/// database, as the booking and survey links are. The expiry is inside the protected payload and checked against the
/// server's clock, so an expired link is told apart from a forged one. A link lives until the version's validity ends
/// (or from now, for a link minted later) plus <see cref="PipelineOptions.ProposalLinkGraceDays"/>: long enough to sign
/// an offer accepted on its last day, and to see that an offer expired.
/// </summary>
internal sealed class ProposalLinks(IDataProtectionProvider protection, PublicLinks links, IOptions<PipelineOptions> options, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Nqba.Pipeline.ProposalLink.v1");

    public string TokenFor(Guid proposalId, int version, DateOnly validUntil)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var validEnd = validUntil.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
        var expires = (validEnd > now ? validEnd : now).AddDays(options.Value.ProposalLinkGraceDays);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{proposalId:N}.{version}.{new DateTimeOffset(expires).ToUnixTimeSeconds()}");
        return _protector.Protect(payload);
    }

    /// <summary>The page's path, in <paramref name="language"/>.</summary>
    public static string PagePath(string token, string language) => $"/proposals/{Uri.EscapeDataString(token)}?lang={language}";

    /// <summary>The page's absolute address under <c>Platform:PublicUrl</c>.</summary>
    public string PageUrl(string token, string language) => links.To(PagePath(token, language));

    public ProposalLink Read(string? token)
    {
        var invalid = new ProposalLink(ProposalLinkState.Invalid, Guid.Empty, 0);
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return invalid;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return invalid;
        }

        var parts = payload.Split('.');
        if (parts.Length != 3
            || !Guid.TryParseExact(parts[0], "N", out var id)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return invalid;
        }

        var state = time.GetUtcNow().ToUnixTimeSeconds() >= expires ? ProposalLinkState.Expired : ProposalLinkState.Valid;
        return new ProposalLink(state, id, version);
    }
}
