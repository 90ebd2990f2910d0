namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A message arriving on a channel, for a new or an existing ticket.</summary>
/// <param name="Channel">Where it came from.</param>
/// <param name="Author">Client, agent or system.</param>
/// <param name="AuthorName">Who wrote it, as shown.</param>
/// <param name="Body">Plain text; derived from <paramref name="BodyHtml"/> when empty.</param>
/// <param name="BodyHtml">HTML as received; sanitized before it is stored.</param>
/// <param name="AuthorUserId">The signed-in user, if any.</param>
/// <param name="Internal">A staff-only note.</param>
/// <param name="EmailMessageId">The e-mail Message-ID it came with (without angle brackets).</param>
/// <param name="Attachments">Files; refused with 413 when over the configured size.</param>
/// <param name="CallDirection">For a logged phone call: inbound or outbound.</param>
/// <param name="CallSeconds">For a logged phone call: its length.</param>
/// <param name="At">When it was written, for imported history; live messages are timed when they arrive.</param>
/// <param name="ExternalId">Its id in the system it was imported from.</param>
internal sealed record NewMessage(
    TicketChannel Channel,
    MessageAuthor Author,
    string AuthorName,
    string? Body,
    string? BodyHtml = null,
    Guid? AuthorUserId = null,
    bool Internal = false,
    string? EmailMessageId = null,
    IReadOnlyList<NewAttachment>? Attachments = null,
    CallDirection? CallDirection = null,
    int? CallSeconds = null,
    DateTime? At = null,
    string? ExternalId = null);
