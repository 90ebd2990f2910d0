namespace Nqba.Server.Modules.Support.Channels;

/// <summary>An agent's reply to the requester; <paramref name="SubjectLine"/> carries the ticket number the mail intake reads back.</summary>
public sealed record TicketReplyMailModel(long Number, string SubjectLine, string Body, string? BodyHtml);
