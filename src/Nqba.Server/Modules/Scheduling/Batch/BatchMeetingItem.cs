using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>
/// One requested meeting: the client, the meeting type, the unit that must hold it, its priority (higher wins a
/// contested time; default 1) and the client's windows (the whole meeting must lie inside one). <see cref="TimeZone"/>
/// is the client's IANA zone: windows without an offset are read in it, and the booking shows times in it.
/// </summary>
public sealed record BatchMeetingItem(
    [MaxLength(200)] string? Name,
    [MaxLength(320)] string? Email,
    [MaxLength(40)] string? MeetingType,
    [MaxLength(40)] string? UnitCode,
    double? Priority = null,
    List<BatchWindow>? Windows = null,
    [MaxLength(64)] string? TimeZone = null,
    [MaxLength(10)] string? Language = null,
    [MaxLength(4000)] string? Notes = null,
    Guid? PreferredSpecialistId = null);
