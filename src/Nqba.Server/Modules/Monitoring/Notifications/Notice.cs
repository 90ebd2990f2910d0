namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>A notification's content, independent of the channel it goes to.</summary>
internal sealed record Notice(string Text, string Title, string? Detail, string Color, IReadOnlyDictionary<string, string> Fields, object Data, DateTime At);
