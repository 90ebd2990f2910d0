namespace Nqba.Server.Modules.Monitoring.Runbooks;

public enum RunbookKind
{
    /// <summary>Calls an HTTP endpoint (a restart hook); 2xx is success.</summary>
    HttpCall,

    /// <summary>Runs a command configured under <c>Monitoring:Commands</c> by name.</summary>
    Command,

    /// <summary>Points the component's monitors at their standby targets.</summary>
    SwitchToStandby,
}
