namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>A notification channel's notice (see <see cref="Notice"/>) sent to an e-mail channel.</summary>
public sealed record ChannelNoticeMailModel(string Title, string Text, string? Detail, IReadOnlyDictionary<string, string> Fields);
