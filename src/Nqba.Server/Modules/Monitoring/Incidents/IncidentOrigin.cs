namespace Nqba.Server.Modules.Monitoring.Incidents;

public enum IncidentOrigin
{
    /// <summary>Opened by a person.</summary>
    Manual,

    /// <summary>Opened because a component went down after its retries.</summary>
    Automatic,

    /// <summary>A warning raised before a failure (drift from the baseline, a certificate about to expire).</summary>
    Predicted,
}
