namespace Nqba.Optimization.Problems;

/// <summary>A meeting to place in a <see cref="BatchSchedulingProblem"/>.</summary>
/// <param name="Unit">The business unit that must hold the meeting; any specialist of that unit may take it.</param>
/// <param name="DurationMinutes">Length of the meeting (for example 30, 60 or 90).</param>
/// <param name="StartWindows">
/// The client's windows: the meeting may start at a minute <c>t</c> with <c>Start ≤ t &lt; End</c> of one of them
/// (and must still fit the specialist's availability).
/// </param>
/// <param name="Weight">Priority; the problem maximizes the total weight of placed meetings. Must be positive.</param>
/// <param name="PreferredSpecialist">
/// Index of a specialist (of the same unit) the client prefers. Among placements of equal total weight, the one that
/// gives more clients their preferred specialist wins; it never costs a meeting.
/// </param>
/// <param name="BufferMinutes">
/// Free time kept before and after the meeting. Between two meetings of one specialist the gap is at least the larger
/// of their two buffers, so both meetings' buffers hold.
/// </param>
public sealed record BatchMeetingRequest(
    int Unit,
    int DurationMinutes,
    IReadOnlyList<MinuteInterval> StartWindows,
    double Weight = 1,
    int? PreferredSpecialist = null,
    int BufferMinutes = 15);
