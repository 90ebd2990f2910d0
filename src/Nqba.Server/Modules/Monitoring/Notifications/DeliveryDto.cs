namespace Nqba.Server.Modules.Monitoring.Notifications;

public sealed record DeliveryDto(Guid ChannelId, string Kind, string Text, bool Succeeded, string? Detail, DateTime At);
