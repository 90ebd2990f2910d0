using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>Out of office from <see cref="Start"/> to <see cref="End"/> (instants, with offset).</summary>
public sealed record TimeOffRequest([Required] DateTimeOffset? Start, [Required] DateTimeOffset? End, [MaxLength(500)] string? Reason = null);
