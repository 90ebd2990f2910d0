namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// One ticket of an imported history, as the import file carries it. Times, state, channel and priority are read as
/// text so that every bad value of a file is reported at once, each under its row's name.
/// </summary>
internal sealed class ImportedTicket
{
    /// <summary>The ticket's id in the source system; required, unique per <see cref="Source"/>.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The system the history comes from (e.g. <c>zammad</c>); <c>import</c> when absent.</summary>
    public string? Source { get; set; }

    public string? Subject { get; set; }

    /// <summary>Another name for <see cref="Subject"/> (Zammad calls it title).</summary>
    public string? Title { get; set; }

    public string? Channel { get; set; }

    public string? Priority { get; set; }

    public ImportedCustomer? Customer { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>The support team's code; the default team when absent.</summary>
    public string? Team { get; set; }

    public string? Language { get; set; }

    /// <summary>open, pending, solved or closed.</summary>
    public string? State { get; set; }

    public string? CreatedAt { get; set; }

    public string? SolvedAt { get; set; }

    public string? ClosedAt { get; set; }

    public List<ImportedMessage>? Messages { get; set; }
}
