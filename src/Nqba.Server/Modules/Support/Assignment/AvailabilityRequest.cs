namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>An agent's own switch: available (takes new tickets) or away.</summary>
public sealed record AvailabilityRequest(bool Available);
