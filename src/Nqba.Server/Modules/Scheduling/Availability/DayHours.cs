using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>Local working hours on one day; <see cref="Closes"/> at or before <see cref="Opens"/> means "until midnight".</summary>
internal readonly record struct DayHours(LocalTime Opens, LocalTime Closes);
