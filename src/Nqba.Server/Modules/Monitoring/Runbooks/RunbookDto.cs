namespace Nqba.Server.Modules.Monitoring.Runbooks;

public sealed record RunbookDto(Guid Id, string Component, string Name, RunbookKind Kind, string? Url, string? Command, int CooldownSeconds, int MaxAttemptsPerHour, bool Enabled)
{
    internal static RunbookDto From(Runbook r, string componentKey) =>
        new(r.Id, componentKey, r.Name, r.Kind, r.Url, r.Command, r.CooldownSeconds, r.MaxAttemptsPerHour, r.Enabled);
}
