using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// Holds a slot for a few minutes while the client fills in the form. Who: a specialist, any free specialist of a
/// unit, or the specialist a lead was routed to.
/// </summary>
public sealed record HoldRequest(
    [Required, MaxLength(40)] string? MeetingType,
    [Required] DateTimeOffset? Start,
    Guid? SpecialistId = null,
    [MaxLength(40)] string? UnitCode = null,
    Guid? LeadId = null);
