using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>A team's on-call rotation: agents in order, each on call for one shift, from <see cref="Start"/>.</summary>
public sealed record OnCallRequest(
    [Required, MinLength(1), MaxLength(50)] IReadOnlyList<Guid> AgentIds,
    DateTime Start,
    [Range(1, 24 * 31)] int ShiftHours = 168);
