using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>
/// A time range the client can meet in: ISO 8601 instants with an offset (<c>2026-12-03T08:00Z</c>), or local
/// date-times (<c>2026-12-03T09:00</c>) read in <see cref="TimeZone"/> (or the request's zone).
/// </summary>
public sealed record BatchWindow([MaxLength(64)] string? Start, [MaxLength(64)] string? End, [MaxLength(64)] string? TimeZone = null);
