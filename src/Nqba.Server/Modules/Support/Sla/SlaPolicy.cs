using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// SLA targets for tickets of one channel and/or priority (null matches any). Targets are business time on the
/// ticket's region's calendar, or wall-clock time when <see cref="AroundTheClock"/>.
/// </summary>
public sealed class SlaPolicy
{
    [Required, MaxLength(80)]
    public string Name { get; set; } = string.Empty;

    public TicketChannel? Channel { get; set; }

    public TicketPriority? Priority { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan FirstResponse { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan NextResponse { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Resolution { get; set; }

    /// <summary>24/7 clock instead of the region's business hours.</summary>
    public bool AroundTheClock { get; set; }

    /// <summary>How specific the policy is: priority and channel both set beats either, either beats neither.</summary>
    internal int Specificity => (Priority is null ? 0 : 2) + (Channel is null ? 0 : 1);

    internal bool Matches(TicketChannel channel, TicketPriority priority) =>
        (Channel is null || Channel == channel) && (Priority is null || Priority == priority);

    /// <summary>The product's targets (DESIGN.md): chat 30 s, e-mail 2 h, ticket 4 h / urgent 1 h, emergency 15 min 24/7.</summary>
    public static List<SlaPolicy> ProductDefaults() =>
    [
        new() { Name = "Standard ticket", FirstResponse = TimeSpan.FromHours(4), NextResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(40) },
        new() { Name = "Urgent ticket", Priority = TicketPriority.Urgent, FirstResponse = TimeSpan.FromHours(1), NextResponse = TimeSpan.FromHours(2), Resolution = TimeSpan.FromHours(16) },
        new() { Name = "E-mail", Channel = TicketChannel.Email, FirstResponse = TimeSpan.FromHours(2), NextResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(40) },
        new() { Name = "Live chat", Channel = TicketChannel.Chat, FirstResponse = TimeSpan.FromSeconds(30), NextResponse = TimeSpan.FromMinutes(2), Resolution = TimeSpan.FromHours(8) },
        new() { Name = "Emergency", Priority = TicketPriority.Emergency, FirstResponse = TimeSpan.FromMinutes(15), NextResponse = TimeSpan.FromMinutes(30), Resolution = TimeSpan.FromHours(4), AroundTheClock = true },
    ];
}
