using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.FollowUps;

/// <summary>One action item of a follow-up: what is to be done, by whom (a name or role) and by when.</summary>
public sealed record ActionItemRequest([MaxLength(1000)] string? Description, [MaxLength(200)] string? Owner, DateOnly? DueDate);
