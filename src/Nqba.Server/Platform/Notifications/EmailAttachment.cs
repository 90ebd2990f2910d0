namespace Nqba.Server.Platform.Notifications;

/// <summary>A file attached to an e-mail.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
