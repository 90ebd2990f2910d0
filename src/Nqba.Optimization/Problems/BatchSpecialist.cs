namespace Nqba.Optimization.Problems;

/// <summary>A specialist who can take meetings in a <see cref="BatchSchedulingProblem"/>; identified by its index in the list.</summary>
/// <param name="Unit">The business unit the specialist belongs to; only requests for this unit can be placed with them.</param>
/// <param name="Available">When the specialist works (minutes from the horizon start); a meeting must lie inside one of these intervals.</param>
/// <param name="Busy">
/// Time already taken (existing bookings, external calendar events). A new meeting keeps its own buffer away from these
/// intervals; include the buffers of existing bookings in the intervals themselves. Null means none.
/// </param>
public sealed record BatchSpecialist(int Unit, IReadOnlyList<MinuteInterval> Available, IReadOnlyList<MinuteInterval>? Busy = null);
