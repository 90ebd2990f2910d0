namespace Nqba.Server.Modules.Support.Sla;

public enum SlaAlertKind
{
    Warning,
    Breach,
}
