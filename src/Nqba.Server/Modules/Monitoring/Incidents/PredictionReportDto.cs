namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>
/// How often predicted warnings came true: warnings raised, warnings followed within 24 h by an automatic incident
/// on the same component, and automatic incidents that a warning preceded.
/// </summary>
public sealed record PredictionReportDto(int Warnings, int WarningsFollowedByIncident, int Incidents, int IncidentsPrecededByWarning, double? PrecededPercent);
