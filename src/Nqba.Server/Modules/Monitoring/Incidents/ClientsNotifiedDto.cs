namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>Which client organizations were told, and how many addresses were written to.</summary>
public sealed record ClientsNotifiedDto(IReadOnlyList<Guid> Organizations, int Recipients);
