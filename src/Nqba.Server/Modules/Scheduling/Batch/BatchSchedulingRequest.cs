namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>
/// Meetings to place together. <see cref="DryRun"/> only plans (nothing is booked); <see cref="TimeLimitMs"/> bounds the
/// optimizer (100–10,000 ms, default 2,000).
/// </summary>
public sealed record BatchSchedulingRequest(List<BatchMeetingItem>? Requests, bool DryRun = false, int? TimeLimitMs = null);
