namespace Nqba.Server.Modules.Optimization.Jobs;

/// <summary>
/// A solve that outlives its request. Stored with its request so any instance can run it and any instance
/// can answer for it.
/// </summary>
internal sealed class OptimizationJob
{
    public Guid Id { get; set; }

    public OptimizationJobStatus Status { get; set; }

    public required string RequestJson { get; set; }

    public string? ResultJson { get; set; }

    public string? Error { get; set; }

    public int Variables { get; set; }

    public string? RequestedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The instance running it holds it until then; a crashed instance's job is picked up again.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
