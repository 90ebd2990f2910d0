using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A promised call back, logged with a phone call.</summary>
internal sealed class CallbackTask : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid TicketId { get; set; }

    public Guid? OrganizationId { get; set; }

    public DateTime DueAt { get; set; }

    [Encrypted]
    public required string Note { get; set; }

    public Guid? AssigneeId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DoneAt { get; set; }

    /// <summary>The data key owner of the person the record is about (copied from its ticket or booking); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
