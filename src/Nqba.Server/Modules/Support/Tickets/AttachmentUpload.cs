using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A file sent with a message, base64-encoded.</summary>
public sealed record AttachmentUpload(
    [Required, MinLength(1), MaxLength(255)] string FileName,
    [Required, MaxLength(200)] string ContentType,
    [Required] string ContentBase64);
