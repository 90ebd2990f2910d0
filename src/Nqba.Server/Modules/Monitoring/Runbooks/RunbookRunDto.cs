namespace Nqba.Server.Modules.Monitoring.Runbooks;

public sealed record RunbookRunDto(Guid Id, Guid RunbookId, Guid? IncidentId, DateTime At, bool Succeeded, string Outcome);
