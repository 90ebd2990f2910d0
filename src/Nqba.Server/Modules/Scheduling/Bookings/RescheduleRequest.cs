using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>Moves a meeting to another offered start time (same specialist and meeting type).</summary>
public sealed record RescheduleRequest([Required] DateTimeOffset? Start);
