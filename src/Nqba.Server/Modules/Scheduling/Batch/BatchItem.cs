using NodaTime;
using Nqba.Server.Modules.Scheduling.MeetingTypes;

namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>A validated batch request: its index in the request list, type, unit, priority, windows as instants and the client's zone.</summary>
internal sealed record BatchItem(int Index, BatchMeetingItem Item, MeetingType Type, string UnitCode, double Priority, List<Interval> Windows, DateTimeZone Zone, Guid? Preferred);
