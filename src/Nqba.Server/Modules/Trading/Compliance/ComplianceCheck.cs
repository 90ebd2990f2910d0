namespace Nqba.Server.Modules.Trading.Compliance;

/// <summary>
/// One rule's verdict on an order: its name (restricted-list, max-order-size, max-position, max-sector, wash-trade),
/// passed or not, and why. A rule that did not pass blocks the order, unless it is configured to warn
/// (<see cref="ComplianceRules.WarnOnlyRules"/>): then <see cref="Warning"/> is true and the order goes on, the warning kept.
/// </summary>
public sealed record ComplianceCheck(string Rule, bool Passed, string Reason, bool Warning = false)
{
    /// <summary>Whether this verdict stops the order.</summary>
    public bool Blocks => !Passed && !Warning;
}
