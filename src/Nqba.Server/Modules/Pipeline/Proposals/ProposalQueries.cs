using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Audit;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>What the proposal pages and API read: a deal's proposals, one proposal with its versions, a version's document, the signature check, and the client's view of a link.</summary>
internal sealed class ProposalQueries(PipelineDbContext db, ProposalLinks links, AuditSearch ledger, TimeProvider time)
{
    public async Task<IReadOnlyList<ProposalSummaryDto>> ForDealAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Versions)
            .Where(p => p.DealId == dealId).OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        var today = Today;
        return proposals.ConvertAll(p =>
        {
            var latest = p.Versions.Single(v => v.Number == p.LatestVersion);
            return new ProposalSummaryDto(p.Id, Status(p, today), latest.Title, p.LatestVersion, p.SentVersion, latest.Total, p.Currency, latest.ValidUntil, p.UpdatedAt, p.SignedAt);
        });
    }

    public async Task<ProposalDto?> GetAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        var p = await LoadAsync(proposalId, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var today = Today;
        var latest = p.Versions.Single(v => v.Number == p.LatestVersion);
        var sent = p.SentVersion is { } n ? p.Versions.Single(v => v.Number == n) : null;
        return new ProposalDto(
            p.Id, p.DealId, p.OrganizationId, Status(p, today), p.Currency, p.RecipientName, p.RecipientEmail, p.LatestVersion, p.SentVersion,
            p.AcceptedVersion, p.AcceptedAt, p.SignedAt, p.CreatedAt, p.UpdatedAt, p.Version, VersionDto(p, latest),
            [.. p.Versions.OrderBy(v => v.Number).Select(v => new ProposalVersionSummaryDto(v.Number, VersionStatus(p, v), v.Total, v.ValidUntil, v.CreatedAt, v.SentAt, v.DocumentSha256))])
        {
            ClientLink = sent is null ? null : links.PageUrl(links.TokenFor(p.Id, sent.Number, sent.ValidUntil), sent.Language),
        };
    }

    public async Task<ProposalVersionDto?> VersionAsync(Guid proposalId, int number, CancellationToken cancellationToken)
    {
        var p = await LoadAsync(proposalId, cancellationToken);
        return p?.Versions.FirstOrDefault(v => v.Number == number) is { } version ? VersionDto(p, version) : null;
    }

    /// <summary>The version's canonical document as its stored fields render now, and its SHA-256.</summary>
    public async Task<(string Document, string Sha256)?> DocumentAsync(Guid proposalId, int number, CancellationToken cancellationToken)
    {
        var p = await LoadAsync(proposalId, cancellationToken);
        if (p?.Versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return null;
        }

        var document = ProposalDocument.Render(p.Id, p.Currency, version);
        return (document, ProposalDocument.Sha256(document));
    }

    /// <summary>The proposal's contract signature with its verification; null when the proposal is unknown or unsigned.</summary>
    public async Task<SignatureDto?> SignatureAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        var signature = await db.ContractSignatures.AsNoTracking().FirstOrDefaultAsync(s => s.ProposalId == proposalId, cancellationToken);
        if (signature is null || await LoadAsync(proposalId, cancellationToken) is not { } p)
        {
            return null;
        }

        var version = p.Versions.Single(v => v.Number == signature.VersionNumber);
        var current = ProposalDocument.Sha256(p.Id, p.Currency, version);
        var entries = await ledger.Filter(new AuditQuery("pipeline.contract.signed", null, "proposal", p.Id.ToString(), null, null))
            .OrderByDescending(e => e.Sequence).Take(5).ToListAsync(cancellationToken);
        var entry = entries.FirstOrDefault(e => e.After?.Contains(signature.Id.ToString(), StringComparison.OrdinalIgnoreCase) == true);
        return new SignatureDto(
            signature.Id, p.Id, signature.VersionNumber, signature.SignerName, signature.Consent, signature.SignedAt, signature.IpAddress,
            signature.DocumentSha256, current, current == signature.DocumentSha256, entry?.Sequence,
            entry?.After?.Contains($"\"documentSha256\":\"{signature.DocumentSha256}\"", StringComparison.Ordinal) == true);
    }

    /// <summary>What the client's link shows, or the link's error (404 not ours, 410 expired).</summary>
    public async Task<(PublicProposalDto? View, ProposalLinkState State)> PublicAsync(string token, CancellationToken cancellationToken)
    {
        var link = links.Read(token);
        if (link.State != ProposalLinkState.Valid)
        {
            return (null, link.State);
        }

        var p = await LoadAsync(link.ProposalId, cancellationToken);
        if (p?.Versions.FirstOrDefault(v => v.Number == link.Version && v.SentAt is not null) is not { } version)
        {
            return (null, ProposalLinkState.Invalid);
        }

        var today = Today;
        var expired = today > version.ValidUntil;
        var status = VersionStatus(p, version) switch
        {
            "accepted" when p.SignedAt is not null => "signed",
            "sent" when expired => "expired",
            var s => s,
        };
        var document = ProposalDocument.Render(p.Id, p.Currency, version);
        return (new PublicProposalDto(
            status, version.Number, p.SentVersion ?? version.Number, version.Title, version.ClientName, version.Language, p.Currency,
            Items(version), Discount(version), version.Subtotal, version.DiscountAmount, version.Total, version.ValidUntil, expired,
            CanAnswer: status == "sent",
            CanSign: status == "accepted",
            version.AcceptedAt, version.DeclinedAt, p.SignedAt, document, ProposalDocument.Sha256(document)), ProposalLinkState.Valid);
    }

    /// <summary>The deal's automatic moves held back by a gate, for its timeline.</summary>
    public async Task<IReadOnlyList<DealHeldMove>> HeldMovesAsync(Guid dealId, CancellationToken cancellationToken) =>
        await db.HeldMoves.AsNoTracking().Where(m => m.DealId == dealId).OrderBy(m => m.At).ToListAsync(cancellationToken);

    /// <summary>The deal's proposal events for its timeline: each version's sending, answer and the signature.</summary>
    public async Task<IReadOnlyList<(DateTime At, string Text)>> TimelineAsync(Guid dealId, CancellationToken cancellationToken)
    {
        var entries = new List<(DateTime At, string Text)>();
        foreach (var p in await db.Proposals.AsNoTracking().Include(p => p.Versions).Where(p => p.DealId == dealId).ToListAsync(cancellationToken))
        {
            foreach (var v in p.Versions)
            {
                if (v.SentAt is { } sent)
                {
                    entries.Add((sent, $"Proposal \"{v.Title}\" version {v.Number} sent ({ProposalMoney.Format(v.Total, p.Currency)} {p.Currency}, valid until {v.ValidUntil:yyyy-MM-dd})"));
                }

                if (v.AcceptedAt is { } accepted)
                {
                    entries.Add((accepted, $"Proposal \"{v.Title}\" version {v.Number} accepted by the client"));
                }

                if (v.DeclinedAt is { } declined)
                {
                    entries.Add((declined, $"Proposal \"{v.Title}\" version {v.Number} declined by the client{(v.DeclineReason is null ? null : ": " + v.DeclineReason)}"));
                }
            }

            if (p.SignedAt is { } signed)
            {
                entries.Add((signed, $"Contract of proposal version {p.AcceptedVersion} signed electronically by the client"));
            }
        }

        return entries;
    }

    /// <summary>draft, sent, accepted, declined, or expired (sent, past the sent version's last valid day).</summary>
    internal static string Status(Proposal p, DateOnly today) => p.Status switch
    {
        ProposalStatus.Draft => "draft",
        ProposalStatus.Accepted => "accepted",
        ProposalStatus.Declined => "declined",
        _ => p.Versions.Single(v => v.Number == p.SentVersion).ValidUntil < today ? "expired" : "sent",
    };

    /// <summary>draft, sent, superseded, accepted or declined.</summary>
    internal static string VersionStatus(Proposal p, ProposalVersion v) =>
        v.AcceptedAt is not null ? "accepted"
        : v.DeclinedAt is not null ? "declined"
        : v.SentAt is null ? "draft"
        : v.Number < p.SentVersion ? "superseded"
        : "sent";

    private static ProposalVersionDto VersionDto(Proposal p, ProposalVersion v) => new(
        v.Number, VersionStatus(p, v), v.Title, v.ClientName, v.Language, p.Currency, Items(v), Discount(v), v.Subtotal, v.DiscountAmount, v.Total,
        v.ValidUntil, v.Terms, v.CreatedAt, v.SentAt, v.AcceptedAt, v.DeclinedAt, v.DeclineReason, v.DocumentSha256);

    private static List<ProposalLineItemDto> Items(ProposalVersion v) =>
        [.. v.LineItems.OrderBy(i => i.Position).Select(i => new ProposalLineItemDto(i.Description, i.Quantity, i.UnitPrice, i.Amount))];

    private static ProposalDiscountDto? Discount(ProposalVersion v) =>
        v.DiscountKind == DiscountKind.None ? null : new(v.DiscountKind.ToString().ToLowerInvariant(), v.DiscountValue);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private Task<Proposal?> LoadAsync(Guid proposalId, CancellationToken cancellationToken) =>
        db.Proposals.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.LineItems).FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
}
