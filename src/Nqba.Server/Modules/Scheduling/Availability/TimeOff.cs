namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>Out of office: a span of real time (UTC) a specialist takes no meetings.</summary>
internal sealed class TimeOff
{
    public Guid Id { get; set; }

    public Guid SpecialistId { get; set; }

    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    public string? Reason { get; set; }
}
