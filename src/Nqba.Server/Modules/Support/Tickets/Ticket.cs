using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// A support request on any channel, owned by one client organization (or none, for mail from an unknown sender).
/// The SLA columns are derived: recomputed from the history whenever it, the policy or the calendar changes.
/// </summary>
internal sealed class Ticket : IOrganizationOwned
{
    public Guid Id { get; set; }

    /// <summary>Human number, shown as <c>#1042</c> and carried in e-mail subjects.</summary>
    public long Number { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>The system an imported ticket came from (e.g. <c>zammad</c>); null for tickets opened here.</summary>
    public string? ExternalSource { get; set; }

    /// <summary>The ticket's id in <see cref="ExternalSource"/>: unique per source, what makes a re-import find it.</summary>
    public string? ExternalId { get; set; }

    public required string RegionCode { get; set; }

    public string Language { get; set; } = "en";

    [Encrypted]
    public required string Subject { get; set; }

    [Encrypted]
    public required string RequesterName { get; set; }

    [Encrypted]
    public string? RequesterEmail { get; set; }

    /// <summary>Keyed hash of the requester's e-mail (<see cref="FieldProtector.SearchHashAsync"/>): finds a person's tickets.</summary>
    public string? RequesterEmailHash { get; set; }

    /// <summary>The person's own data key owner (<see cref="FieldProtector.SubjectKeyId"/>); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? RequesterUserId { get; set; }

    public TicketChannel Channel { get; set; }

    public TicketPriority Priority { get; set; }

    public TicketStatus Status { get; set; }

    /// <summary>Skill tags the ticket needs (comma separated), matched against agents' skills.</summary>
    public string Tags { get; set; } = string.Empty;

    public Guid? TeamId { get; set; }

    public Guid? AssigneeId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? FirstRespondedAt { get; set; }

    public DateTime? SolvedAt { get; set; }

    public int ReopenCount { get; set; }

    public string SlaPolicy { get; set; } = string.Empty;

    public DateTime? FirstResponseWarnAt { get; set; }

    public DateTime? FirstResponseDueAt { get; set; }

    /// <summary>The running next-response cycle (ticks of the client message that started it; 0 when none).</summary>
    public long NextResponseCycle { get; set; }

    public DateTime? NextResponseWarnAt { get; set; }

    public DateTime? NextResponseDueAt { get; set; }

    public DateTime? ResolutionWarnAt { get; set; }

    public DateTime? ResolutionDueAt { get; set; }

    public bool SlaPaused { get; set; }

    /// <summary>
    /// The earliest due instant of a clock still running (not stopped, not paused): what the inbox counts down to and
    /// sorts by. A clock that stopped late keeps its own due instant for the breach record, but no longer counts here.
    /// </summary>
    public DateTime? NextDueAt { get; set; }

    /// <summary>
    /// Moves on with every write of the ticket (<c>SupportDbContext</c> counts it): the ticket's ETag, and the
    /// concurrency token a write is checked against, so a write made on a stale read fails instead of overwriting.
    /// </summary>
    public int Version { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;

    public bool IsOpen => Status is not (TicketStatus.Solved or TicketStatus.Closed);
}
