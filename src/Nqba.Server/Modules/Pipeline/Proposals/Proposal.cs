using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>Where a proposal stands with the client: the outcome of its latest sent version.</summary>
internal enum ProposalStatus
{
    /// <summary>Not sent yet.</summary>
    Draft,

    /// <summary>A version is with the client, waiting for an answer.</summary>
    Sent,

    /// <summary>The client accepted the sent version; its contract can be signed.</summary>
    Accepted,

    /// <summary>The client declined the sent version; a new version can be sent.</summary>
    Declined,
}

/// <summary>How a version's discount is given.</summary>
internal enum DiscountKind
{
    None,

    /// <summary>A percentage (0–100) of the subtotal.</summary>
    Percent,

    /// <summary>A fixed amount in the proposal's currency, at most the subtotal.</summary>
    Amount,
}

/// <summary>
/// An offer to a deal's client, in versions: a draft version is edited in place; editing once it was sent makes the
/// next version, and every version is kept. The client answers the latest sent version through a signed link; once
/// accepted, the proposal is closed to changes and its contract (the accepted version's document) can be signed once.
/// The recipient is personal data, encrypted under the organization's key.
/// </summary>
internal sealed class Proposal : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid DealId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The deal's currency when the proposal was made; every version's amounts are in it.</summary>
    public required string Currency { get; set; }

    [Encrypted]
    public required string RecipientName { get; set; }

    [Encrypted]
    public required string RecipientEmail { get; set; }

    /// <summary>Keyed hash of the recipient's normalized address: how a privacy request finds their proposals.</summary>
    public required string RecipientEmailHash { get; set; }

    public ProposalStatus Status { get; set; }

    /// <summary>The newest version's number (a draft or the sent one).</summary>
    public int LatestVersion { get; set; }

    /// <summary>The version the client has: the latest one sent; null before the first sending.</summary>
    public int? SentVersion { get; set; }

    public int? AcceptedVersion { get; set; }

    public DateTime? AcceptedAt { get; set; }

    /// <summary>When the accepted version's contract was signed (see <see cref="ContractSignature"/>).</summary>
    public DateTime? SignedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A user id, as a deal's history names people.</summary>
    public required string CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// A concurrency token incremented on every write of the proposal or one of its versions: two answers (accept and
    /// accept, accept and the sending of a new version) cannot both win.
    /// </summary>
    public int Version { get; set; }

    public List<ProposalVersion> Versions { get; set; } = [];

    public Guid? OwnerOrganizationId => OrganizationId;
}

/// <summary>
/// One version of a proposal: what the client is offered (line items, discount, validity, terms) and, once sent, the
/// SHA-256 of its canonical document (<see cref="ProposalDocument"/>) as it was sent. A sent version never changes.
/// </summary>
internal sealed class ProposalVersion
{
    public Guid Id { get; set; }

    public Guid ProposalId { get; set; }

    /// <summary>1, 2, …</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>The client's company as the deal names it when the version was made.</summary>
    public required string ClientName { get; set; }

    /// <summary>The language of the document, the page's default and the e-mail (en, de, ja).</summary>
    public required string Language { get; set; }

    public DiscountKind DiscountKind { get; set; }

    /// <summary>The percentage or amount, as given.</summary>
    public decimal DiscountValue { get; set; }

    public decimal Subtotal { get; set; }

    public decimal DiscountAmount { get; set; }

    public decimal Total { get; set; }

    /// <summary>The last day (UTC) the offer can be accepted.</summary>
    public DateOnly ValidUntil { get; set; }

    public string? Terms { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? SentAt { get; set; }

    public string? SentBy { get; set; }

    /// <summary>The SHA-256 (hex) of the version's canonical document when it was sent.</summary>
    public string? DocumentSha256 { get; set; }

    /// <summary>When the client was e-mailed the link to this version (at most once per version).</summary>
    public DateTime? MailedAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? DeclinedAt { get; set; }

    /// <summary>What the client said when declining (optional, their own words).</summary>
    public string? DeclineReason { get; set; }

    public List<ProposalLineItem> LineItems { get; set; } = [];
}

/// <summary>One line of a version: what, how many, at what unit price; the amount is rounded to the currency's minor unit.</summary>
internal sealed class ProposalLineItem
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    /// <summary>0-based order on the document.</summary>
    public int Position { get; set; }

    public required string Description { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>
/// The client's electronic signature of an accepted version's contract: the typed name and the consent, when, from
/// which address, and the SHA-256 of the exact document signed. One per proposal. Name and address are encrypted
/// under the organization's key; the audit ledger keeps the hash, the time, the address and a keyed hash of the name.
/// </summary>
internal sealed class ContractSignature : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid ProposalId { get; set; }

    public Guid DealId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The proposal version whose document was signed (the accepted one).</summary>
    public int VersionNumber { get; set; }

    [Encrypted]
    public required string SignerName { get; set; }

    /// <summary>Keyed hash of the typed name (trimmed, lower case): what the audit ledger names the signer by.</summary>
    public required string SignerNameHash { get; set; }

    /// <summary>The consent box was ticked (a signature without it is refused, so this is always true).</summary>
    public bool Consent { get; set; }

    public DateTime SignedAt { get; set; }

    [Encrypted]
    public string? IpAddress { get; set; }

    /// <summary>The SHA-256 (hex) of the canonical document the client saw and signed.</summary>
    public required string DocumentSha256 { get; set; }

    public Guid? OwnerOrganizationId => OrganizationId;
}
