namespace Nqba.Server.Modules.Monitoring.Sla;

/// <summary>The credit owed for a month's availability: the base credit below target, more in the lower tiers.</summary>
internal static class SlaCredits
{
    public static double CreditPercent(double? availability, decimal target, MonitoringOptions options)
    {
        if (availability is not { } a || a >= (double)target)
        {
            return 0;
        }

        return options.SlaCreditTiers.Where(t => a < t.BelowPercent).Select(t => t.CreditPercent).Append(options.SlaBaseCreditPercent).Max();
    }
}
