namespace Nqba.Server.Modules.Onboarding;

/// <summary>Where an invoice stands.</summary>
public enum PaymentStatus
{
    Issued,
    Paid,
    Void,
}

/// <summary>
/// An invoice recorded against a client's onboarding: its number, amount and status. No card data is ever kept: the
/// invoice number is refused when it looks like a card number.
/// </summary>
internal sealed class OnboardingPayment
{
    public Guid Id { get; set; }

    public Guid OnboardingId { get; set; }

    /// <summary>The client organization (the tenant filter confines client users to their own).</summary>
    public Guid OrganizationId { get; set; }

    public string InvoiceNumber { get; set; } = "";

    public decimal Amount { get; set; }

    /// <summary>ISO 4217.</summary>
    public string Currency { get; set; } = "";

    public PaymentStatus Status { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    /// <summary>A concurrency token: two status changes at once, one wins.</summary>
    public int Version { get; set; }
}
