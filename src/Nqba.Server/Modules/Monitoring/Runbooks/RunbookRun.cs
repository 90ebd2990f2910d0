namespace Nqba.Server.Modules.Monitoring.Runbooks;

/// <summary>One run of a runbook, with its outcome (also in the audit ledger).</summary>
internal sealed class RunbookRun
{
    public Guid Id { get; set; }

    public Guid RunbookId { get; set; }

    public Guid ComponentId { get; set; }

    public Guid? IncidentId { get; set; }

    public DateTime At { get; set; }

    public bool Succeeded { get; set; }

    public required string Outcome { get; set; }
}
