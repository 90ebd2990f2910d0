using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>Opens an incident by hand on the named components (keys), with its first public update.</summary>
public sealed record OpenIncidentRequest(
    [Required, StringLength(300, MinimumLength = 3)] string Title,
    [Required, MinLength(1)] IReadOnlyList<string> Components,
    [Required, StringLength(4000, MinimumLength = 1)] string Message,
    IncidentStatus Status = IncidentStatus.Investigating);
