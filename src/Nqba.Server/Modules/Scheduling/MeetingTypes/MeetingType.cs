namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>
/// A kind of meeting clients can book (Cal.com's event type): its length, slot interval and offset, buffers before and
/// after, minimum notice, booking window and booking limits. Edited through the API and the meeting types page.
/// </summary>
internal sealed class MeetingType
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Free time kept before the meeting (added to the after-buffer of a meeting before it, as Cal.com does).</summary>
    public int BeforeBufferMinutes { get; set; }

    /// <summary>Free time kept after the meeting.</summary>
    public int AfterBufferMinutes { get; set; }

    /// <summary>Distance between offered start times.</summary>
    public int SlotStepMinutes { get; set; }

    /// <summary>Minutes every offered start is shifted by (5: 09:05, 09:35… with 30-minute slots).</summary>
    public int StartOffsetMinutes { get; set; }

    public int MinimumNoticeMinutes { get; set; }

    public BookingWindowKind WindowKind { get; set; }

    /// <summary>Days ahead for <see cref="BookingWindowKind.CalendarDays"/> and <see cref="BookingWindowKind.BusinessDays"/>.</summary>
    public int BookingWindowDays { get; set; }

    /// <summary>First bookable date of a <see cref="BookingWindowKind.DateRange"/> window (the specialist's zone).</summary>
    public DateOnly? WindowStart { get; set; }

    /// <summary>Last bookable date of a <see cref="BookingWindowKind.DateRange"/> window.</summary>
    public DateOnly? WindowEnd { get; set; }

    /// <summary>At most this many meetings of this type per specialist and day (their zone); null: no limit.</summary>
    public int? MaxPerDay { get; set; }

    /// <summary>Per ISO week (Monday to Sunday, the specialist's zone).</summary>
    public int? MaxPerWeek { get; set; }

    public int? MaxPerMonth { get; set; }

    /// <summary>At most this many booked minutes of this type per specialist and day; null: no limit.</summary>
    public int? MaxMinutesPerDay { get; set; }

    public int? MaxMinutesPerWeek { get; set; }

    public int? MaxMinutesPerMonth { get; set; }

    /// <summary>
    /// Bookings wait for staff to confirm or decline them (Cal.com's "requires confirmation"); until then they are
    /// <see cref="Bookings.BookingStatus.Pending"/> and no invite, reminder or briefing goes out.
    /// </summary>
    public bool RequiresConfirmation { get; set; }

    /// <summary>A pending booking of this type keeps its time from other bookers (Cal.com's "block the slot while unconfirmed").</summary>
    public bool PendingBlocks { get; set; }

    /// <summary>
    /// The availability schedule hosts follow for this type, by name (e.g. <c>Evenings</c>); a host with no schedule of
    /// that name, or no name set, follows their default schedule.
    /// </summary>
    public string? ScheduleName { get; set; }

    /// <summary>For a unit's booking: one specialist (round-robin) or all of them together (collective).</summary>
    public HostAssignment Assignment { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Raised by every change: the ETag, and the guard against two editors.</summary>
    public int Version { get; set; }
}
