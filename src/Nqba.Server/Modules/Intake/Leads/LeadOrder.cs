namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>How the leads workspace sorts.</summary>
public enum LeadOrder
{
    /// <summary>Newest captured first.</summary>
    Newest,

    /// <summary>Oldest captured first.</summary>
    Oldest,

    /// <summary>Highest SigmaEQ score first (unscored last).</summary>
    Score,

    /// <summary>Company name, A to Z (none last).</summary>
    Company,

    /// <summary>The earliest response deadline first (none last).</summary>
    ResponseDue,
}
