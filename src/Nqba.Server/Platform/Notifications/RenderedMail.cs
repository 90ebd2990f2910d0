namespace Nqba.Server.Platform.Notifications;

/// <summary>A rendered mail: subject, HTML and plain-text body, in <see cref="Language"/>.</summary>
public sealed record RenderedMail(string Language, string Subject, string Html, string Text);
