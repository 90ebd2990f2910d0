using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>What to tell every affected client about an incident.</summary>
public sealed record NotifyClientsRequest([Required, MinLength(3), MaxLength(4000)] string Message);
