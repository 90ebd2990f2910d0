namespace Nqba.Server.Modules.Scheduling.Calendars;

/// <summary>
/// An iCalendar (RFC 5545) busy-time source of a specialist: a feed URL fetched periodically, or an uploaded file.
/// <see cref="Content"/> holds the last good copy; its events block slots.
/// </summary>
internal sealed class ExternalCalendar
{
    public Guid Id { get; set; }

    public Guid SpecialistId { get; set; }

    public required string Name { get; set; }

    /// <summary>The feed's address; null for an uploaded file.</summary>
    public string? Url { get; set; }

    public string? Content { get; set; }

    public DateTime? FetchedAt { get; set; }

    public string? LastError { get; set; }
}
