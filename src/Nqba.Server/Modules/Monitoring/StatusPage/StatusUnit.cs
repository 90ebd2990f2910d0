namespace Nqba.Server.Modules.Monitoring.StatusPage;

public sealed record StatusUnit(string Code, string Name, ServiceState State, IReadOnlyList<StatusComponent> Components);
