namespace Nqba.Server.Modules.Intake.Leads;

public enum LeadStatus
{
    New,
    Assessed,
    Routed,
    Closed,
}
