using Nqba.Server.Modules.Optimization.Solving;

namespace Nqba.Server.Modules.Optimization.Jobs;

public sealed record OptimizationJobDto(Guid Id, OptimizationJobStatus Status, int Variables, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, OptimizeResult? Result, string? Error);
