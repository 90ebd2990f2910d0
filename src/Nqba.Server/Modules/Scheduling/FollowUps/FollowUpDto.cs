namespace Nqba.Server.Modules.Scheduling.FollowUps;

/// <summary>A meeting's follow-up as staff see it.</summary>
internal sealed record FollowUpDto(
    Guid Id,
    Guid BookingId,
    string MeetingType,
    string Outcome,
    string? Notes,
    List<ActionItemDto> ActionItems,
    string? SuggestedMeetingType,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public static FollowUpDto From(FollowUp followUp, string meetingType) => new(
        followUp.Id,
        followUp.BookingId,
        meetingType,
        followUp.Outcome,
        followUp.Notes,
        [.. followUp.ActionItems.OrderBy(a => a.Position).Select(a => new ActionItemDto(a.Description, a.Owner, a.DueDate))],
        followUp.SuggestedMeetingType,
        followUp.CreatedBy,
        new DateTimeOffset(DateTime.SpecifyKind(followUp.CreatedAt, DateTimeKind.Utc)));
}
