using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// A new ticket. Client users open it on the portal for their own organization (requester and channel are theirs);
/// staff open it for a caller or sender: channel (Phone, Email, Hotline…), requester and organization given.
/// </summary>
public sealed record CreateTicketRequest(
    [Required, MinLength(1), MaxLength(300)] string Subject,
    [Required, MinLength(1), MaxLength(100000)] string Body,
    [MaxLength(200000)] string? BodyHtml = null,
    TicketPriority? Priority = null,
    TicketChannel? Channel = null,
    [MaxLength(200)] string? RequesterName = null,
    [EmailAddress, MaxLength(320)] string? RequesterEmail = null,
    Guid? OrganizationId = null,
    [RegularExpression("^(en|de|ja)$", ErrorMessage = "language must be one of en, de, ja.")] string? Language = null,
    [MaxLength(40)] string? Team = null,
    [MaxLength(500)] string? Tags = null,
    [MaxLength(20)] IReadOnlyList<AttachmentUpload>? Attachments = null);
