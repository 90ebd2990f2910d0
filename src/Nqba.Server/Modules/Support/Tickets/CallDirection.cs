namespace Nqba.Server.Modules.Support.Tickets;

public enum CallDirection
{
    Inbound,
    Outbound,
}
