using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A file attached to a ticket message, stored in the database (size-limited by SupportOptions).</summary>
internal sealed class TicketAttachment : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid TicketId { get; set; }

    public Guid MessageId { get; set; }

    public Guid? OrganizationId { get; set; }

    [Encrypted]
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Size { get; set; }

    /// <summary>The file's bytes: encrypted at rest under the client organization's key (in its zone's store when it keeps one apart); empty once erased.</summary>
    [Encrypted]
    public required byte[] Content { get; set; }

    /// <summary>The data key owner of the person the record is about (copied from its ticket or booking); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
