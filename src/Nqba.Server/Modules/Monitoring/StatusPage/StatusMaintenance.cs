namespace Nqba.Server.Modules.Monitoring.StatusPage;

public sealed record StatusMaintenance(string Title, IReadOnlyList<string> Components, DateTime Start, DateTime End, bool Active);
