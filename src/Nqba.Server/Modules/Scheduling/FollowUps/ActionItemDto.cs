namespace Nqba.Server.Modules.Scheduling.FollowUps;

internal sealed record ActionItemDto(string Description, string Owner, DateOnly DueDate);
