using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>A public update moving the incident along investigating → identified → monitoring → resolved.</summary>
public sealed record IncidentUpdateRequest(IncidentStatus Status, [Required, StringLength(4000, MinimumLength = 1)] string Message);
