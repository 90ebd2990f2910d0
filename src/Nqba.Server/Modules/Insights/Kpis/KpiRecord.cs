namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// One record behind a KPI's value (a lead, a deal, a ticket, an answer, a component): what it is (<see cref="Kind"/>
/// and <see cref="SubjectId"/>, ids only), when it counted, its unit (null: none known), the group it is broken down by
/// (a unit, a channel or a component), its value and weight, and a short detail in words.
/// </summary>
internal sealed record KpiRecord(string Kind, Guid SubjectId, DateTime At, string? Unit, string? Group, double Value, string Detail, double Weight = 1);
