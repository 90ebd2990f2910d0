using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A message on a ticket: a client's on the portal, an agent's reply (e-mailed, threaded) or internal note.</summary>
public sealed record ReplyRequest(
    [MaxLength(100000)] string? Body,
    [MaxLength(200000)] string? BodyHtml = null,
    bool Internal = false,
    [MaxLength(20)] IReadOnlyList<AttachmentUpload>? Attachments = null);
