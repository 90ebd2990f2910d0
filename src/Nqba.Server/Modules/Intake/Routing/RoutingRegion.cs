namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>A region as routing compares them: name, residency zone and current UTC offset.</summary>
internal sealed record RoutingRegion(string Code, string Name, string ResidencyZone, double UtcOffsetHours);
