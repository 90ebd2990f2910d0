namespace Nqba.Server.Modules.Monitoring.Maintenance;

public enum MaintenanceRecurrence
{
    None,
    Daily,
    Weekly,
}
