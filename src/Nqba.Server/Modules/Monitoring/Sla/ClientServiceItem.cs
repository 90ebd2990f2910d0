using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Sla;

public sealed record ClientServiceItem([Required, StringLength(80)] string Component, [Range(0.0, 10_000_000.0)] decimal MonthlyFee);
