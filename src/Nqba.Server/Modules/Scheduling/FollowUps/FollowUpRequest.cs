using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.FollowUps;

/// <summary>
/// The follow-up of a meeting. <see cref="Outcome"/> is <c>held</c> or <c>no-show</c>; it may be left out when the
/// attendance was already recorded (<c>/held</c>, <c>/no-show</c>).
/// </summary>
public sealed record FollowUpRequest(
    [MaxLength(20)] string? Outcome,
    [MaxLength(4000)] string? Notes = null,
    List<ActionItemRequest>? ActionItems = null);
