namespace Nqba.Server.Platform.Company;

/// <summary>A business unit.</summary>
public sealed record UnitInfo(Guid Id, string Code, string Name);
