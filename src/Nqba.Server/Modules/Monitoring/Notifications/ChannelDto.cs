namespace Nqba.Server.Modules.Monitoring.Notifications;

public sealed record ChannelDto(Guid Id, string Name, ChannelKind Kind, string Target, IReadOnlyList<string> Components, int? RepeatMinutes, int? EscalateAfterMinutes, string? EscalationTarget, bool Enabled)
{
    internal static ChannelDto From(NotificationChannel c, IReadOnlyDictionary<Guid, string> keys) =>
        new(c.Id, c.Name, c.Kind, c.Target, [.. c.ComponentIds.Select(id => keys.GetValueOrDefault(id, id.ToString()))], c.RepeatMinutes, c.EscalateAfterMinutes, c.EscalationTarget, c.Enabled);
}
