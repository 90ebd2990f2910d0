namespace Nqba.Server.Modules.Support;

/// <summary>How urgent a ticket is; Low and Normal are "standard" in the SLA defaults.</summary>
public enum TicketPriority
{
    Low,
    Normal,
    Urgent,
    Emergency,
}
