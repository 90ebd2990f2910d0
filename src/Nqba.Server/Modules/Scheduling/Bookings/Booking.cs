using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>A meeting (or a short-lived hold on a slot) with one specialist. Client details are encrypted at rest.</summary>
internal sealed class Booking : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid SpecialistId { get; set; }

    public required string MeetingTypeCode { get; set; }

    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    /// <summary>The meeting type's before-buffer when booked: kept free before this meeting.</summary>
    public int BeforeBufferMinutes { get; set; }

    /// <summary>The meeting type's after-buffer when booked: kept free after this meeting.</summary>
    public int AfterBufferMinutes { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>When a <see cref="BookingStatus.Held"/> slot is released again.</summary>
    public DateTime? HoldExpiresAt { get; set; }

    [Encrypted]
    public string? ClientName { get; set; }

    [Encrypted]
    public string? ClientEmail { get; set; }

    /// <summary>Keyed hash of the normalized e-mail address, to find a client's meetings.</summary>
    public string? ClientEmailHash { get; set; }

    [Encrypted]
    public string? Notes { get; set; }

    /// <summary>The client's IANA zone: times in e-mails and on the page are shown in it.</summary>
    public required string ClientTimeZone { get; set; }

    /// <summary>en, de or ja.</summary>
    public required string Language { get; set; }

    public Guid? LeadId { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>iCalendar SEQUENCE: raised by every reschedule and the cancellation.</summary>
    public int Sequence { get; set; }

    public string? VideoUrl { get; set; }

    /// <summary>The provider that made <see cref="VideoUrl"/> (Zoom, Teams, GoogleMeet, Jitsi).</summary>
    public string? VideoProvider { get; set; }

    /// <summary>The meeting's id at its provider, to delete it when the booking is cancelled.</summary>
    public string? VideoMeetingId { get; set; }

    /// <summary>What went wrong getting or removing the link, e.g. "Zoom failed (HTTP 401); used Jitsi".</summary>
    public string? VideoNote { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>Who made or last changed the booking: "client" or a staff e-mail.</summary>
    public required string ChangedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    /// <summary>The tool an imported booking came from (e.g. calcom); null for bookings made here.</summary>
    public string? ImportSource { get; set; }

    /// <summary>The imported booking's id in <see cref="ImportSource"/>: unique with it, so an import is idempotent.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The person's own data key owner (<see cref="FieldProtector.SubjectKeyId"/>); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
