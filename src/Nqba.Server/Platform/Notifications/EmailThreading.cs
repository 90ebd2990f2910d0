namespace Nqba.Server.Platform.Notifications;

/// <summary>
/// RFC 5322 threading headers of an outgoing e-mail. Message ids are written without angle brackets.
/// </summary>
/// <param name="MessageId">The message's own <c>Message-ID</c> (e.g. <c>ticket-42.1@nqba.local</c>).</param>
/// <param name="InReplyTo">The <c>Message-ID</c> of the message this one answers, if any.</param>
/// <param name="References">The thread's earlier message ids, oldest first.</param>
public sealed record EmailThreading(string MessageId, string? InReplyTo = null, IReadOnlyList<string>? References = null);
