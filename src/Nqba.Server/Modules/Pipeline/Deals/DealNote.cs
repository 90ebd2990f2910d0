using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// A note a member of staff keeps on a deal (a call summary, what the client asked): shown on the deal's timeline.
/// The text is encrypted under the client organization's key, since a note may name people; erasure of the
/// organization redacts it.
/// </summary>
internal sealed class DealNote : IOrganizationOwned
{
    /// <summary>The longest note.</summary>
    public const int MaxLength = 4000;

    public Guid Id { get; set; }

    public Guid DealId { get; set; }

    public Guid OrganizationId { get; set; }

    [Encrypted]
    public required string Text { get; set; }

    /// <summary>The user id of the author.</summary>
    public required string By { get; set; }

    public DateTime At { get; set; }

    public Guid? OwnerOrganizationId => OrganizationId;
}
