using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A specialist's hours on one date (local to their region), replacing the weekly hours; leave both times empty for
/// a day off. <see cref="Closes"/> at or before <see cref="Opens"/> means "until midnight".
/// </summary>
public sealed record OverrideRequest([Required] DateOnly? Date, TimeOnly? Opens = null, TimeOnly? Closes = null, [MaxLength(500)] string? Note = null);
