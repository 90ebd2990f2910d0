using NodaTime;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// What a hold or booking asks for: a meeting type at a start time with one of the candidate specialists, or with all
/// of them together when <paramref name="Collective"/>.
/// </summary>
internal sealed record BookingTarget(MeetingType Type, Instant Start, IReadOnlyList<(SpecialistInfo Specialist, RegionInfo Region)> Candidates, Guid? LeadId, Guid? OrganizationId, bool Collective = false);
