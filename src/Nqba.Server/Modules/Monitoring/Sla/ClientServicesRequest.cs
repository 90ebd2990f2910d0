using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Sla;

/// <summary>The services (component keys, each with its monthly fee) a client organization subscribes to; replaces the previous list.</summary>
public sealed record ClientServicesRequest([Required] IReadOnlyList<ClientServiceItem> Services);
