namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>One record behind a KPI's value (ids only, no personal data).</summary>
internal sealed record KpiRecordDto(string Kind, Guid SubjectId, DateTime At, string? Unit, string? Group, double Value, string Detail);
