using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>Cancels a meeting, optionally saying why.</summary>
public sealed record CancelRequest([MaxLength(1000)] string? Reason = null);
