namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>A placed request (by its index in the request list); times in the client's zone. <see cref="BookingId"/> is null in a dry run.</summary>
internal sealed record BatchPlacedMeeting(
    int Index,
    Guid SpecialistId,
    string? SpecialistName,
    string MeetingType,
    DateTimeOffset Start,
    DateTimeOffset End,
    double Priority,
    Guid? BookingId);
