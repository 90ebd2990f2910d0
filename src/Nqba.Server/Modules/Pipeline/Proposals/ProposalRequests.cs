namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>
/// A proposal's content, to create one or to edit its latest version (a sent version is never edited: the edit becomes
/// the next version). <c>validUntil</c> is the last day (UTC) the offer can be accepted.
/// </summary>
public sealed record ProposalRequest(
    string? Title,
    string? RecipientName,
    string? RecipientEmail,
    string? Language,
    IReadOnlyList<ProposalLineItemRequest>? LineItems,
    ProposalDiscountRequest? Discount,
    DateOnly? ValidUntil,
    string? Terms);

/// <summary>One line item: what, how many (up to 4 decimals), at what unit price in the proposal's currency.</summary>
public sealed record ProposalLineItemRequest(string? Description, decimal? Quantity, decimal? UnitPrice);

/// <summary>A discount: <c>kind</c> <c>percent</c> (0–100) or <c>amount</c> (at most the subtotal); none when left out.</summary>
public sealed record ProposalDiscountRequest(string? Kind, decimal? Value);

/// <summary>The client declines, optionally saying why.</summary>
public sealed record DeclineProposalRequest(string? Reason);

/// <summary>
/// The client signs the accepted version's contract: their full name as typed, the explicit consent, and the SHA-256 of
/// the document they read (the page shows it), which must still be the version's document.
/// </summary>
public sealed record SignContractRequest(string? FullName, bool? Consent, string? DocumentSha256);
