using System.Text.Json.Serialization;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>
/// A proposal as staff see it. <c>status</c>: draft, sent, accepted, declined or expired (sent, and its latest sent
/// version's last valid day has passed). <c>current</c> is the newest version (a draft or the sent one); <c>versions</c>
/// lists every version, oldest first. <c>version</c> is the ETag, for If-Match.
/// </summary>
public sealed record ProposalDto(
    Guid Id,
    Guid DealId,
    Guid OrganizationId,
    string Status,
    string Currency,
    string RecipientName,
    string RecipientEmail,
    int LatestVersion,
    int? SentVersion,
    int? AcceptedVersion,
    DateTime? AcceptedAt,
    DateTime? SignedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    ProposalVersionDto Current,
    IReadOnlyList<ProposalVersionSummaryDto> Versions)
{
    /// <summary>The client's signed link to the sent version (a fresh one on every read): only once it was sent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientLink { get; init; }
}

/// <summary>
/// One version in full: line items with their amounts, the discount, subtotal, discount amount and total in the
/// proposal's currency, the validity, and once sent the SHA-256 of its canonical document. <c>status</c>: draft, sent,
/// superseded (a later version was sent), accepted, declined.
/// </summary>
public sealed record ProposalVersionDto(
    int Number,
    string Status,
    string Title,
    string ClientName,
    string Language,
    string Currency,
    IReadOnlyList<ProposalLineItemDto> LineItems,
    ProposalDiscountDto? Discount,
    decimal Subtotal,
    decimal DiscountAmount,
    decimal Total,
    DateOnly ValidUntil,
    string? Terms,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? AcceptedAt,
    DateTime? DeclinedAt,
    string? DeclineReason,
    string? DocumentSha256);

/// <summary>A version in the proposal's list.</summary>
public sealed record ProposalVersionSummaryDto(int Number, string Status, decimal Total, DateOnly ValidUntil, DateTime CreatedAt, DateTime? SentAt, string? DocumentSha256);

public sealed record ProposalLineItemDto(string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary><c>kind</c> percent or amount, and the value given.</summary>
public sealed record ProposalDiscountDto(string Kind, decimal Value);

/// <summary>A deal's proposal in the deal's list: its newest version's title, total and validity.</summary>
public sealed record ProposalSummaryDto(Guid Id, string Status, string Title, int LatestVersion, int? SentVersion, decimal Total, string Currency, DateOnly ValidUntil, DateTime UpdatedAt, DateTime? SignedAt);

/// <summary>What sending answers: the proposal and the client's signed link (also e-mailed to the recipient).</summary>
public sealed record ProposalSentDto(ProposalDto Proposal, string Link);

/// <summary>
/// A contract signature and its verification: who typed which name, when, from which address, the SHA-256 of the
/// document signed, what the version's document hashes to now, and whether the two still match; the audit ledger's
/// entry for it (sequence, and whether it records the same hash) when it has been chained.
/// </summary>
public sealed record SignatureDto(
    Guid Id,
    Guid ProposalId,
    int Version,
    string Name,
    bool Consent,
    DateTime SignedAt,
    string? IpAddress,
    string DocumentSha256,
    string CurrentDocumentSha256,
    bool DocumentMatches,
    long? LedgerSequence,
    bool LedgerMatches);

/// <summary>What the client's page shows and the public API answers for a signed link.</summary>
public sealed record PublicProposalDto(
    string Status,
    int Version,
    int LatestSentVersion,
    string Title,
    string ClientName,
    string Language,
    string Currency,
    IReadOnlyList<ProposalLineItemDto> LineItems,
    ProposalDiscountDto? Discount,
    decimal Subtotal,
    decimal DiscountAmount,
    decimal Total,
    DateOnly ValidUntil,
    bool Expired,
    bool CanAnswer,
    bool CanSign,
    DateTime? AcceptedAt,
    DateTime? DeclinedAt,
    DateTime? SignedAt,
    string Document,
    string DocumentSha256);
