namespace Nqba.Server.Modules.Support.Assignment;

public sealed record TeamDto(Guid Id, string Code, string Name, string? LeadEmail, bool IsDefault, IReadOnlyList<Guid> OnCallRotation, DateTime RotationStart, int ShiftHours, Guid? OnCallNow, string? Calendar);
