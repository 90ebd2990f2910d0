namespace Nqba.Server.Modules.Intake.Response;

/// <summary>The clock's state, the business time elapsed and when the target runs out.</summary>
internal sealed record ResponseClockReading(ResponseState State, TimeSpan Elapsed, DateTime DueAt);
