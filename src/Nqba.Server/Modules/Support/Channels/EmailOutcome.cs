namespace Nqba.Server.Modules.Support.Channels;

/// <summary>What became of one incoming e-mail.</summary>
internal sealed record EmailOutcome(EmailOutcomeKind Kind, Guid? TicketId, string? Reason)
{
    public static EmailOutcome Opened(Guid ticketId) => new(EmailOutcomeKind.Opened, ticketId, null);

    public static EmailOutcome Added(Guid ticketId) => new(EmailOutcomeKind.Added, ticketId, null);

    public static EmailOutcome Duplicate() => new(EmailOutcomeKind.Duplicate, null, null);

    public static EmailOutcome Rejected(string reason) => new(EmailOutcomeKind.Rejected, null, reason);
}
