using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>A validated slot query: a meeting type over whole days of the client's zone.</summary>
internal sealed record SlotQuery(MeetingTypes.MeetingType Type, Instant From, Instant To, DateTimeZone ClientZone);
