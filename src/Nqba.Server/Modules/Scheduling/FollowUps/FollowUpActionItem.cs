using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.FollowUps;

/// <summary>Something to do after a meeting: what, who and by when. Description and owner may name people: encrypted at rest.</summary>
internal sealed class FollowUpActionItem : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid FollowUpId { get; set; }

    /// <summary>Order in which the items were given.</summary>
    public int Position { get; set; }

    [Encrypted]
    public required string Description { get; set; }

    [Encrypted]
    public required string Owner { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>The meeting's client organization, whose data key encrypts the fields.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The data key owner of the person the record is about (copied from its ticket or booking); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
