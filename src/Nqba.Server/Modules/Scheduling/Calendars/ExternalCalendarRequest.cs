using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Calendars;

/// <summary>Attaches a busy-time calendar: a feed <see cref="Url"/> (http/https) or the text of an .ics file (<see cref="Ics"/>).</summary>
public sealed record ExternalCalendarRequest([Required, MinLength(1), MaxLength(200)] string? Name, [MaxLength(2000)] string? Url = null, [MaxLength(1_000_000)] string? Ics = null);
