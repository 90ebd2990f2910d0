namespace Nqba.Server.Modules.Support.Import;

/// <summary>One message of an imported ticket.</summary>
internal sealed class ImportedMessage
{
    /// <summary>The message's id in the source system; required, unique within its ticket.</summary>
    public string? ExternalId { get; set; }

    /// <summary>customer, agent or bot.</summary>
    public string? Author { get; set; }

    /// <summary>Who wrote it, as shown; the customer's name, "Agent" or "Bot" when absent.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The channel it came through; the ticket's when absent.</summary>
    public string? Channel { get; set; }

    public string? Body { get; set; }

    public string? BodyHtml { get; set; }

    /// <summary>A staff-only note (stops no clock).</summary>
    public bool Internal { get; set; }

    public string? CreatedAt { get; set; }
}
