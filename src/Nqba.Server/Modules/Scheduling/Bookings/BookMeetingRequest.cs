using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// A booking: the slot (or the token of a hold on it), who with, and the client. <see cref="TimeZone"/> is the
/// client's IANA zone, in which e-mails and pages show times.
/// </summary>
public sealed record BookMeetingRequest(
    [MaxLength(40)] string? MeetingType,
    DateTimeOffset? Start,
    [Required, MinLength(1), MaxLength(200)] string? Name,
    [Required, EmailAddress, MaxLength(320)] string? Email,
    Guid? SpecialistId = null,
    [MaxLength(40)] string? UnitCode = null,
    Guid? LeadId = null,
    [MaxLength(4000)] string? Notes = null,
    [MaxLength(64)] string? TimeZone = null,
    [RegularExpression("^(en|de|ja)$", ErrorMessage = "language must be one of en, de, ja.")] string? Language = null,
    [MaxLength(2000)] string? HoldToken = null);
