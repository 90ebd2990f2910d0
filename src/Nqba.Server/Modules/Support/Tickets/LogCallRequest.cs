using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A phone call an agent logs on a ticket; <see cref="CallbackAt"/> creates a call-back task.</summary>
public sealed record LogCallRequest(
    [Required, MinLength(1), MaxLength(100000)] string Summary,
    CallDirection Direction = CallDirection.Inbound,
    [Range(0, 86400)] int? DurationSeconds = null,
    DateTime? CallbackAt = null,
    [MaxLength(2000)] string? CallbackNote = null);
