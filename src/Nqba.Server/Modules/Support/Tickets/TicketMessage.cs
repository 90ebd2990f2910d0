using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>One message of a ticket, kept with the channel it came through.</summary>
internal sealed class TicketMessage : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid TicketId { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>The message's id in the system its ticket was imported from (unique per ticket); null for messages written here.</summary>
    public string? ExternalId { get; set; }

    public TicketChannel Channel { get; set; }

    public MessageAuthor Author { get; set; }

    public Guid? AuthorUserId { get; set; }

    [Encrypted]
    public required string AuthorName { get; set; }

    /// <summary>Plain text of the message.</summary>
    [Encrypted]
    public required string Body { get; set; }

    /// <summary>Sanitized HTML when the message came as HTML (scripts and event handlers removed).</summary>
    [Encrypted]
    public string? BodyHtml { get; set; }

    /// <summary>Internal note: visible to staff only, stops no clock.</summary>
    public bool Internal { get; set; }

    public DateTime At { get; set; }

    /// <summary>The e-mail <c>Message-ID</c> (without angle brackets) the message was received or sent with.</summary>
    public string? EmailMessageId { get; set; }

    /// <summary>For a logged phone call: inbound or outbound, and its length.</summary>
    public CallDirection? CallDirection { get; set; }

    public int? CallSeconds { get; set; }

    /// <summary>The data key owner of the person the record is about (copied from its ticket or booking); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
