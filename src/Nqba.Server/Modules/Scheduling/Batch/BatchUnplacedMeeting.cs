namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>A request (by its index) that was not placed, and why.</summary>
internal sealed record BatchUnplacedMeeting(int Index, string Reason);
