namespace Nqba.Server.Modules.Monitoring.ServiceLevels;

/// <summary>One of the platform's own service levels over its latest samples on this instance, against its average-latency target.</summary>
public sealed record ServiceLevelDto(string Name, int Samples, long TotalSamples, double? AverageMs, double? P95Ms, double? P99Ms, double TargetAverageMs, bool? MeetsTarget);
