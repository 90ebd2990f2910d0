namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>
/// What a batch run placed (and booked, unless a dry run) and what it could not, with reasons. <see cref="Objective"/>
/// is the total priority of the placed meetings; <see cref="UpperBound"/> a proven bound on what any schedule places.
/// </summary>
internal sealed record BatchSchedulingResult(
    bool DryRun,
    double Objective,
    double UpperBound,
    bool ProvenOptimal,
    string Method,
    double ElapsedMs,
    List<BatchPlacedMeeting> Placed,
    List<BatchUnplacedMeeting> Unplaced);
