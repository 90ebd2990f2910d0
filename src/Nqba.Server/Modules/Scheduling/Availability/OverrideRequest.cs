using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A specialist's hours on one date (local to the schedule they follow), replacing the weekly hours that date:
/// <see cref="Ranges"/> for several ranges, or <see cref="Opens"/>/<see cref="Closes"/> for one; neither for a day off.
/// A closing time at or before the opening ends on the next day.
/// </summary>
public sealed record OverrideRequest(
    [Required] DateOnly? Date,
    TimeOnly? Opens = null,
    TimeOnly? Closes = null,
    [MaxLength(500)] string? Note = null,
    List<OverrideRange>? Ranges = null);
