namespace Nqba.Server.Modules.Monitoring.Runbooks;

public sealed record RunbookDto(Guid Id, string Component, string Name, RunbookKind Kind, string? Url, string? Command, int CooldownSeconds, int MaxAttemptsPerHour, bool Enabled);
