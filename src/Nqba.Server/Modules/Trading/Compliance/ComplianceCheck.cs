namespace Nqba.Server.Modules.Trading.Compliance;

/// <summary>One rule's verdict on an order: its name (restricted-list, max-order-size, max-position, max-sector, wash-trade), passed or not, and why.</summary>
public sealed record ComplianceCheck(string Rule, bool Passed, string Reason);
