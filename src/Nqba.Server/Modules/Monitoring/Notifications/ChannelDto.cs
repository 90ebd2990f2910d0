namespace Nqba.Server.Modules.Monitoring.Notifications;

public sealed record ChannelDto(Guid Id, string Name, ChannelKind Kind, string Target, IReadOnlyList<string> Components, int? RepeatMinutes, int? EscalateAfterMinutes, string? EscalationTarget, bool Enabled);
