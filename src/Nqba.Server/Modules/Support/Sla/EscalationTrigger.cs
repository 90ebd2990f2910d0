namespace Nqba.Server.Modules.Support.Sla;

public enum EscalationTrigger
{
    Warning,
    Breach,
}
