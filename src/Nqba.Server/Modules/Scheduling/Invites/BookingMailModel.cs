namespace Nqba.Server.Modules.Scheduling.Invites;

/// <summary>
/// What a booking mail says, to the client (<paramref name="OtherParty"/> is the specialist) or to the specialist
/// (<paramref name="ForSpecialist"/>, the client). <paramref name="Link"/> is the client's manage page or the staff's booking page.
/// </summary>
public sealed record BookingMailModel(
    BookingMailKind Kind,
    bool ForSpecialist,
    string MeetingType,
    string? OtherParty,
    string? ClientName,
    DateTime StartUtc,
    string TimeZone,
    string? VideoUrl,
    string? VideoNote,
    string Link,
    TimeSpan? StartsIn = null);
