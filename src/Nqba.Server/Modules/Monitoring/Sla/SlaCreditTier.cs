using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Sla;

/// <summary>Availability below <see cref="BelowPercent"/> earns <see cref="CreditPercent"/> of the monthly fee.</summary>
public sealed class SlaCreditTier
{
    [Range(0.0, 100.0)]
    public double BelowPercent { get; set; }

    [Range(0.0, 100.0)]
    public double CreditPercent { get; set; }
}
